"""Accept or reject every tracked change of a Word document in LibreOffice, and save its text.

Run by a Python that has LibreOffice's UNO bridge (Debian: python3-uno, for /usr/bin/python3),
not by drafter's: python3 libreoffice_changes.py IN.docx OUT.txt accept|reject PROFILE_DIR
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _property(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def main() -> None:
    source, target, action, profile = sys.argv[1:]
    pipe = f"drafter-{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={uno.systemPathToFileUrl(os.path.abspath(profile))}",
            "--headless",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    context = None
    for _ in range(240):  # LibreOffice's first start with a new profile takes some seconds
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # UNO's NoConnectException: LibreOffice is not listening yet
            time.sleep(0.25)
    if context is None:
        office.kill()
        sys.exit("LibreOffice did not start")
    manager = context.ServiceManager
    desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    url = uno.systemPathToFileUrl(os.path.abspath(source))
    document = desktop.loadComponentFromURL(url, "_blank", 0, ())
    helper = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
    command = (
        ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
    )
    helper.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
    options = (_property("FilterName", "Text (encoded)"), _property("FilterOptions", "UTF8"))
    document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), options)
    document.close(True)
    with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
        desktop.terminate()
    office.wait(timeout=60)


if __name__ == "__main__":
    main()
