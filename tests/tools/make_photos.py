#!/usr/bin/python3
"""make_photos.py — camera-like photos for the tests and the bench.

    make_photos.py DIR NAME[:KIND][@WxH] ...

writes DIR/NAME for each name: a 4000 x 3000 landscape (12 MP; WxH
another size, the other shapes following it) that
looks like a photo (sky, hills, a house, sensor noise), with a red band
along its top and a blue band along its bottom in the upright view, so
that a test can tell it is upright once drawn.  KIND says how it is
stored (default: baseline):

    baseline, progressive     JPEG, 4:2:0, quality 90
    camera                    the same with a phone's grain (about 4 MB)
    orientN                   JPEG stored turned, with EXIF orientation N
                              (1 to 8): upright once the tag is applied
    portrait, panorama        JPEG of 3000 x 4000, of 6000 x 2000
    cmyk                      Adobe CMYK JPEG (inverted inks, as
                              Photoshop writes it), the sky in pure cyan
    gray                      grayscale JPEG
    alpha                     PNG with a transparent half
    webp                      WebP, quality 85
    webp6                     WebP stored turned, with EXIF orientation 6
    pngicc, webpicc           a flat sRGB (200, 120, 40) stored in Adobe RGB
                              (Ghostscript's a98.icc) with that profile
                              embedded: PNG, lossless WebP
    small                     JPEG of 800 x 600, or WxH (fewer pixels than a frame)
    fits, fitsclean           JPEG of 500 x 375, what a column needs at 150 ppi:
                              with EXIF naming its author and its place, or none
    heic, text, empty, truncated, bomb
                              broken ones: an ISO-BMFF 'ftypheic' header,
                              plain text, nothing, a JPEG cut in half, a
                              PNG header claiming 100 000 x 100 000 pixels
"""
import io
import os
import random
import struct
import sys
import zlib

from PIL import Image, ImageDraw, ImageFilter

W, H = 4000, 3000


def scene(w, h, seed, grain=0.08):
    """A landscape drawn small then enlarged (smooth), with sensor noise
    (grain: its share)."""
    rnd = random.Random(seed)
    sw, sh = max(8, w // 8), max(8, h // 8)
    im = Image.new("RGB", (sw, sh))
    d = ImageDraw.Draw(im)
    for y in range(sh):                       # sky, light towards the hills
        t = y / sh
        d.line([(0, y), (sw, y)], fill=(int(90 + 120 * t), int(150 + 80 * t), 235))
    hue = rnd.randrange(60)
    for k in range(3):                        # hills
        base = sh * (0.55 + 0.12 * k)
        pts = [(0, sh)]
        for x in range(0, sw + 10, 10):
            pts.append((x, base - 25 * (1 + k) * abs(((x / sw) * (2 + k) + rnd.random() * 0.2) % 2 - 1)))
        pts.append((sw, sh))
        d.polygon(pts, fill=(40 + hue + 30 * k, 110 + 25 * k, 50 + 10 * k))
    hx, hy = int(sw * rnd.uniform(0.2, 0.6)), int(sh * 0.58)   # a house
    d.rectangle([hx, hy, hx + sw // 8, hy + sh // 7], fill=(200, 170, 140))
    d.polygon([(hx - 5, hy), (hx + sw // 16, hy - sh // 10), (hx + sw // 8 + 5, hy)],
              fill=(160, 60, 50))
    im = im.resize((w, h), Image.BICUBIC)
    noise = Image.effect_noise((w, h), 18 if grain < 0.1 else 60).convert("RGB")
    im = Image.blend(im, noise, grain)
    d = ImageDraw.Draw(im)                    # the marks of the upright view
    band = h // 6
    d.rectangle([0, 0, w, band], fill=(220, 30, 30))
    d.rectangle([0, h - band, w, h], fill=(30, 40, 220))
    return im


# What to apply to the upright photo so that EXIF orientation N (which
# says how to turn the stored pixels upright) gives it back.
STORE = {
    1: None, 2: Image.FLIP_LEFT_RIGHT, 3: Image.ROTATE_180,
    4: Image.FLIP_TOP_BOTTOM, 5: Image.TRANSPOSE, 6: Image.ROTATE_90,
    7: Image.TRANSVERSE, 8: Image.ROTATE_270,
}


def jpeg(im, **kw):
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90, subsampling="4:2:0", **kw)
    return buf.getvalue()


def make(kind, seed):
    if kind in ("baseline", "progressive"):
        return jpeg(scene(W, H, seed), progressive=kind == "progressive")
    if kind == "camera":
        return jpeg(scene(W, H, seed, grain=0.15))
    if kind.startswith("orient"):
        n = int(kind[6:])
        im = scene(W, H, seed)
        if STORE[n] is not None:
            im = im.transpose(STORE[n])
        exif = Image.Exif()
        exif[0x0112] = n
        return jpeg(im, exif=exif.tobytes())
    if kind == "portrait":
        return jpeg(scene(H, W, seed))
    if kind == "panorama":
        return jpeg(scene(W * 3 // 2, W // 2, seed))
    if kind == "small":
        return jpeg(scene(W, H, seed) if (W, H) != (4000, 3000) else scene(800, 600, seed))
    if kind in ("fits", "fitsclean"):
        im = scene(500, 375, seed)
        if kind == "fitsclean":
            return jpeg(im)
        exif = Image.Exif()
        exif[0x013B] = "Jean Dupont"                 # Artist
        exif[0x010F] = "PhoneMaker"                  # Make
        exif[0x0131] = "Camera firmware 1.0"         # Software
        return jpeg(im, exif=exif.tobytes(), comment=b"Jean Dupont, 12 rue des Lilas")
    if kind == "cmyk":
        im = scene(W, H, seed).convert("CMYK")
        d = ImageDraw.Draw(im)
        d.rectangle([0, H // 12, W, H // 3], fill=(255, 0, 0, 0))  # pure cyan
        return jpeg(im)          # PIL writes Adobe's inverted CMYK
    if kind == "gray":
        return jpeg(scene(W, H, seed).convert("L"))
    if kind == "alpha":
        im = scene(W, H, seed).convert("RGBA")
        a = Image.new("L", (W, H), 255)
        ImageDraw.Draw(a).rectangle([W // 2, 0, W, H], fill=0)
        im.putalpha(a)
        buf = io.BytesIO()
        im.save(buf, "PNG", compress_level=1)
        return buf.getvalue()
    if kind == "webp6":
        exif = Image.Exif()
        exif[0x0112] = 6
        buf = io.BytesIO()
        scene(W, H, seed).transpose(STORE[6]).save(buf, "WEBP", quality=85, exif=exif.tobytes())
        return buf.getvalue()
    if kind in ("pngicc", "webpicc"):
        from PIL import ImageCms
        a98 = "/usr/share/color/icc/ghostscript/a98.icc"
        srgb = Image.new("RGB", (W, H), (200, 120, 40))
        im = ImageCms.profileToProfile(srgb, ImageCms.createProfile("sRGB"), a98,
                                       outputMode="RGB")
        buf = io.BytesIO()
        extra = {"lossless": True} if kind == "webpicc" else {}
        im.save(buf, "PNG" if kind == "pngicc" else "WEBP",
                icc_profile=open(a98, "rb").read(), **extra)
        return buf.getvalue()
    if kind == "webp":
        buf = io.BytesIO()
        scene(W, H, seed).save(buf, "WEBP", quality=85)
        return buf.getvalue()
    if kind == "heic":
        return struct.pack(">I", 24) + b"ftypheic" + b"\0\0\0\0mif1heic" + b"\0" * 64
    if kind == "text":
        return b"Ceci n'est pas une photo.\n"
    if kind == "empty":
        return b""
    if kind == "truncated":
        data = jpeg(scene(W, H, seed))
        return data[: len(data) // 2]
    if kind == "bomb":
        ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
        chunk = lambda t, b: struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")
    raise SystemExit(f"make_photos.py: unknown kind '{kind}'")


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    global W, H
    for i, spec in enumerate(sys.argv[2:]):
        spec, _, size = spec.partition("@")
        name, _, kind = spec.partition(":")
        W, H = (int(v) for v in size.split("x")) if size else (4000, 3000)
        data = make(kind or "baseline", i)
        tmp = os.path.join(out, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(out, name))


if __name__ == "__main__":
    main()
