"""Location and camera data in a photo's EXIF (clause 5.2: work location).

A phone photo usually carries GPS coordinates. Posted from a council site, they tell anyone where
the employee works; posted from home, where they live. Either way the advice is to strip them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from smpolicy.screening.config import Workplace

GPS_IFD = 0x8825
_MAKE, _MODEL = 0x010F, 0x0110
_LAT_REF, _LAT, _LON_REF, _LON = 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class PhotoMetadata:
    lat: float | None = None
    lon: float | None = None
    camera: str | None = None

    @property
    def has_gps(self) -> bool:
        return self.lat is not None and self.lon is not None


def read_metadata(exif: object) -> PhotoMetadata:
    """GPS position and camera name from a Pillow ``Image.Exif``; missing parts are None."""
    camera = " ".join(
        str(exif.get(tag)).strip("\x00 ") for tag in (_MAKE, _MODEL)  # type: ignore[attr-defined]
        if exif.get(tag)  # type: ignore[attr-defined]
    ) or None
    try:
        gps = exif.get_ifd(GPS_IFD)  # type: ignore[attr-defined]
        lat = _degrees(gps[_LAT], gps.get(_LAT_REF, "N"))
        lon = _degrees(gps[_LON], gps.get(_LON_REF, "E"))
    except (AttributeError, KeyError, TypeError, ValueError, ZeroDivisionError):
        return PhotoMetadata(camera=camera)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return PhotoMetadata(camera=camera)
    return PhotoMetadata(lat=lat, lon=lon, camera=camera)


def nearest_workplace(meta: PhotoMetadata, places: tuple[Workplace, ...]) -> Workplace | None:
    """The council site the photo was taken at, if it is within that site's radius."""
    if not meta.has_gps:
        return None
    assert meta.lat is not None and meta.lon is not None
    best = min(places, key=lambda p: distance_m(meta.lat, meta.lon, p.lat, p.lon), default=None)
    if best and distance_m(meta.lat, meta.lon, best.lat, best.lon) <= best.radius_m:
        return best
    return None


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), good to a metre at the scale of a town."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(a))


def _degrees(value: object, ref: object) -> float:
    d, m, s = (float(part) for part in value)  # type: ignore[attr-defined]
    degrees = d + m / 60 + s / 3600
    return -degrees if str(ref).upper().startswith(("S", "W")) else degrees
