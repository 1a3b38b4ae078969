"""Images in posts: safe loading, text by OCR, nudity, faces and EXIF location.

Everything here imports Pillow, NumPy and the ONNX models lazily, so screening text alone never
pays for them. The heavy parts are the optional ``images`` extra (``pip install smpolicy[images]``);
without it a post with images gets a clear per-image error and its text is still screened.
"""
