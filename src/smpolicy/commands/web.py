"""``smpolicy web``: run the web application (DESIGN.md section 4)."""

from __future__ import annotations

import click

from smpolicy.web.bootstrap import setup_django as _setup


@click.group()
def web() -> None:
    """Run the people side of the policy as a web site (Django).

    Example:

        smpolicy web serve --demo          # http://127.0.0.1:8000/

        smpolicy web manage createsuperuser
    """


@web.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, envvar="PORT", default=8000, show_default=True,
              help="Port to listen on (the PORT environment variable overrides the default).")
@click.option("--demo", is_flag=True,
              help="Load the demo council (~40 people) if the register is empty.")
@click.option("--threads", type=int, default=8, show_default=True, help="Worker threads.")
def serve(host: str, port: int, demo: bool, threads: int) -> None:
    """Migrate the database, optionally load demo data, and serve the site.

    Example:

        PORT=8080 smpolicy web serve --demo
    """
    _setup()
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from smpolicy.web.wsgi import application

    call_command("migrate", interactive=False, verbosity=0)
    if demo:
        call_command("load_demo", if_empty=True)
    click.echo(f"Serving http://{host}:{port}/ (Ctrl+C to stop)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="smpolicy")


@web.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (migrate, load_demo, createsuperuser, ...).

    Example:

        smpolicy web manage load_demo --people 1000
    """
    _setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["smpolicy web manage", *args])
