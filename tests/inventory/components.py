"""Components the inventory's tests put in their SBOMs (CycloneDX JSON objects)."""

from __future__ import annotations

#: a Hikvision camera: the FCC's equipment authorisation ban covers it
CAMERA = {
    "type": "device",
    "name": "DS-2CD2143G2-I",
    "version": "1",
    "bom-ref": "camera",
    "manufacturer": {"name": "Hangzhou Hikvision Digital Technology Co., Ltd."},
}
#: a device of a vendor that only the tests' own bans name
NORTHWIND = {
    "type": "device",
    "name": "NW-EDGE-2",
    "version": "1",
    "bom-ref": "nw",
    "manufacturer": {"name": "Northwind Devices Inc."},
}
#: a library no ban names
LIB = {"type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad@1.3.0", "bom-ref": "lp"}
