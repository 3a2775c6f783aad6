"""LibreOffice's verdict on the package signatures of OOXML files: prints one JSON object per file.

Usage: MOZILLA_CERTIFICATE_FOLDER=sql:NSSDIR /usr/bin/python3 lo-verify.py FILE.docx...
Starts its own headless soffice on a private pipe and profile, and stops it when done.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

READ = 1  # com.sun.star.embed.ElementModes.READ


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.25)
    raise RuntimeError("soffice did not start")


def verify(ctx, path):
    smgr = ctx.ServiceManager
    factory = smgr.createInstanceWithContext("com.sun.star.embed.StorageFactory", ctx)
    # ZipFormat, not OFOPXMLFormat: with the OOXML storage format LibreOffice finds no signatures.
    fmt = PropertyValue(Name="StorageFormat", Value="ZipFormat")
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    # The descriptor must be typed as a PropertyValue sequence, which pyuno only passes through uno.invoke.
    storage = uno.invoke(
        factory, "createInstanceWithArguments", ((url, READ, uno.Any("[]com.sun.star.beans.PropertyValue", (fmt,))),)
    )
    signatures = smgr.createInstanceWithContext("com.sun.star.security.DocumentDigitalSignatures", ctx)
    infos = signatures.verifyDocumentContentSignatures(storage, None)
    return {
        "file": path,
        "signatures": [
            {
                "valid": bool(i.SignatureIsValid),
                "certificateStatus": int(i.CertificateStatus),
                "signer": i.Signer.SubjectName if i.Signer else None,
                "partial": bool(i.PartialDocumentSignature),
            }
            for i in infos
        ],
    }


def main():
    profile = tempfile.mkdtemp(prefix="letter-lo-")
    pipe = f"letter_sig_{os.getpid()}"
    proc = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ctx = None
    try:
        ctx = connect(pipe)
        for path in sys.argv[1:]:
            print(json.dumps(verify(ctx, path)), flush=True)
    finally:
        if ctx is not None:
            try:
                ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
            except Exception:
                pass  # terminate() drops the bridge before it answers
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
