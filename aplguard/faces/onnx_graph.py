"""Rewrite an ONNX face-embedding graph so that onnxruntime runs it fast, without the ``onnx`` package.

OpenCV Zoo's SFace file (``face_recognition_sface_2021dec_int8bq.onnx``) trips
onnxruntime three ways, each fixed here on the serialized model, in memory:

1. It lists its weights and BatchNorm parameters as graph *inputs* (an old
   exporter habit). onnxruntime then requires them to be fed, and treats the
   ones with initializers as overridable, so it neither folds the int8
   dequantisation nor fuses BatchNorm into the convolutions. Only inputs that a
   node reads and no initializer provides are kept (``data``).
2. Its input and output are declared with batch size 1. The batch dimension is
   made symbolic (and the exporter's batch-1 ``value_info`` shape hints are
   dropped) so all faces of an image run as one call.
3. Its 27 ``PRelu`` activations (per-channel slope ``s`` of shape ``[C, 1, 1]``)
   are not fused by onnxruntime and run as a slow broadcasting kernel between
   layout conversions: over half the model's time on a 2-core CPU. Each is
   rewritten as ``DWConv1x1(y; s) + DWConv1x1(Relu(y); 1 - s)``, which equals
   ``PRelu(y)`` (``y >= 0``: ``s*y + (1-s)*y``; ``y < 0``: ``s*y``) up to float
   rounding, and which onnxruntime's blocked-layout kernels fuse (where every
   slope is <= 1, as ``DWConv1x1(y; s) + Relu(DWConv1x1(y; 1 - s))``: two passes).

Only the protobuf wire format is used (field numbers from ``onnx.proto``), so
the model loads with onnxruntime alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import FaceError

# onnx.proto field numbers used below.
_MODEL_GRAPH = 7
_GRAPH_NODE, _GRAPH_INITIALIZER, _GRAPH_INPUT, _GRAPH_OUTPUT, _GRAPH_VALUE_INFO = 1, 5, 11, 12, 13
_NODE_INPUT, _NODE_OUTPUT, _NODE_NAME, _NODE_OP, _NODE_ATTRIBUTE = 1, 2, 3, 4, 5
_TENSOR_DIMS, _TENSOR_TYPE, _TENSOR_FLOATS, _TENSOR_NAME, _TENSOR_RAW = 1, 2, 4, 8, 9
_VALUE_NAME, _VALUE_TYPE = 1, 2
_TYPE_TENSOR, _TENSOR_SHAPE, _SHAPE_DIM, _DIM_PARAM = 1, 2, 1, 2
_ATTR_NAME, _ATTR_INT, _ATTR_TYPE, _ATTR_TYPE_INT = 1, 3, 20, 2
_FLOAT = 1  # TensorProto.FLOAT

_VARINT, _I64, _LEN, _I32 = 0, 1, 2, 5


@dataclass
class _Field:
    """One protobuf field: its number, wire type, value (int or bytes) and encoded bytes."""

    num: int
    wire: int
    value: int | bytes
    raw: bytes = field(repr=False)


def _read_varint(buf: bytes, pos: int) -> tuple[int, int]:
    out = shift = 0
    while True:
        if pos >= len(buf):
            raise FaceError("ONNX model: truncated varint")
        b = buf[pos]
        pos += 1
        out |= (b & 0x7F) << shift
        if not b & 0x80:
            return out, pos
        shift += 7


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        b = value & 0x7F
        value >>= 7
        if value:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _fields(buf: bytes) -> list[_Field]:
    """Split one serialized message into its fields (in order)."""
    out, pos = [], 0
    while pos < len(buf):
        start = pos
        key, pos = _read_varint(buf, pos)
        num, wire = key >> 3, key & 7
        value: int | bytes
        if wire == _VARINT:
            value, pos = _read_varint(buf, pos)
        elif wire == _LEN:
            n, pos = _read_varint(buf, pos)
            value, pos = buf[pos:pos + n], pos + n
        elif wire == _I64:
            value, pos = buf[pos:pos + 8], pos + 8
        elif wire == _I32:
            value, pos = buf[pos:pos + 4], pos + 4
        else:
            raise FaceError(f"ONNX model: unsupported protobuf wire type {wire}")
        if pos > len(buf):
            raise FaceError("ONNX model: truncated field")
        out.append(_Field(num, wire, value, buf[start:pos]))
    return out


def _len_field(num: int, payload: bytes) -> bytes:
    return _varint(num << 3 | _LEN) + _varint(len(payload)) + payload


def _int_field(num: int, value: int) -> bytes:
    return _varint(num << 3 | _VARINT) + _varint(value)


def _strings(fields: list[_Field], num: int) -> list[str]:
    return [bytes(f.value).decode() for f in fields if f.num == num and isinstance(f.value, bytes)]


def _float_tensor(raw: bytes) -> tuple[str, np.ndarray | None]:
    """(name, float32 array or None when not a float tensor) of a serialized TensorProto."""
    fs = _fields(raw)
    name = (_strings(fs, _TENSOR_NAME) or [""])[0]
    dtype = next((int(f.value) for f in fs if f.num == _TENSOR_TYPE and f.wire == _VARINT), 0)
    if dtype != _FLOAT:
        return name, None
    dims: list[int] = []
    for f in fs:
        if f.num != _TENSOR_DIMS:
            continue
        if f.wire == _VARINT:
            dims.append(int(f.value))
        else:  # packed
            payload, p = bytes(f.value), 0
            while p < len(payload):
                d, p = _read_varint(payload, p)
                dims.append(d)
    raw_data = b"".join(bytes(f.value) for f in fs if f.num == _TENSOR_RAW)
    if raw_data:
        values = np.frombuffer(raw_data, dtype="<f4")
    else:
        # float_data: packed (one length-delimited field) or one 32-bit field per value.
        floats = b"".join(bytes(f.value) for f in fs if f.num == _TENSOR_FLOATS and isinstance(f.value, bytes))
        values = np.frombuffer(floats, dtype="<f4")
    if int(np.prod(dims)) != values.size:
        return name, None
    return name, values.reshape(dims).astype(np.float32)


def _tensor(name: str, array: np.ndarray) -> bytes:
    a = np.ascontiguousarray(array, dtype="<f4")
    return (b"".join(_int_field(_TENSOR_DIMS, int(d)) for d in a.shape) + _int_field(_TENSOR_TYPE, _FLOAT)
            + _len_field(_TENSOR_NAME, name.encode()) + _len_field(_TENSOR_RAW, a.tobytes()))


def _node(op: str, inputs: list[str], outputs: list[str], name: str, group: int | None = None) -> bytes:
    out = b"".join(_len_field(_NODE_INPUT, s.encode()) for s in inputs)
    out += b"".join(_len_field(_NODE_OUTPUT, s.encode()) for s in outputs)
    out += _len_field(_NODE_NAME, name.encode()) + _len_field(_NODE_OP, op.encode())
    if group is not None:
        attr = _len_field(_ATTR_NAME, b"group") + _int_field(_ATTR_INT, group) + _int_field(_ATTR_TYPE, _ATTR_TYPE_INT)
        out += _len_field(_NODE_ATTRIBUTE, attr)
    return out


def _symbolic_batch(value_info: bytes, symbol: str) -> bytes:
    """A ValueInfoProto with its tensor's first dimension made ``symbol``."""
    out = b""
    for f in _fields(value_info):
        if f.num != _VALUE_TYPE or not isinstance(f.value, bytes):
            out += f.raw
            continue
        type_out = b""
        for t in _fields(f.value):
            if t.num != _TYPE_TENSOR or not isinstance(t.value, bytes):
                type_out += t.raw
                continue
            tensor_out = b""
            for s in _fields(t.value):
                if s.num == _TENSOR_SHAPE and isinstance(s.value, bytes):
                    dims = _fields(s.value)
                    first = next((i for i, d in enumerate(dims) if d.num == _SHAPE_DIM), None)
                    shape = b"".join(
                        _len_field(_SHAPE_DIM, _len_field(_DIM_PARAM, symbol.encode())) if i == first else d.raw
                        for i, d in enumerate(dims))
                    tensor_out += _len_field(_TENSOR_SHAPE, shape)
                else:
                    tensor_out += s.raw
            type_out += _len_field(_TYPE_TENSOR, tensor_out)
        out += _len_field(_VALUE_TYPE, type_out)
    return out


@dataclass
class RewriteReport:
    """What :func:`rewrite_for_onnxruntime` changed (counts, for tests and logs)."""

    inputs_dropped: int = 0
    prelu_rewritten: int = 0
    prelu_kept: int = 0


def _rewrite_graph(graph: bytes, report: RewriteReport) -> bytes:
    fs = _fields(graph)
    floats: dict[str, np.ndarray] = {}
    init_names: set[str] = set()
    for f in fs:
        if f.num == _GRAPH_INITIALIZER and isinstance(f.value, bytes):
            name, arr = _float_tensor(f.value)
            init_names.add(name)
            if arr is not None:
                floats[name] = arr
    consumed = {s for f in fs if f.num == _GRAPH_NODE for s in _strings(_fields(bytes(f.value)), _NODE_INPUT)}
    out, new_inits = b"", b""
    for f in fs:  # fields re-emitted in their order; new initializers go last
        if f.num == _GRAPH_NODE:
            nodes, inits = _rewrite_node(bytes(f.value), f.raw, floats, init_names, report)
            out += nodes
            new_inits += inits
        elif f.num == _GRAPH_INPUT:
            name = (_strings(_fields(bytes(f.value)), _VALUE_NAME) or [""])[0]
            if name in init_names or name not in consumed:
                report.inputs_dropped += 1
            else:
                out += _len_field(_GRAPH_INPUT, _symbolic_batch(bytes(f.value), "N"))
        elif f.num == _GRAPH_OUTPUT:
            out += _len_field(_GRAPH_OUTPUT, _symbolic_batch(bytes(f.value), "N"))
        elif f.num != _GRAPH_VALUE_INFO:  # value_info: batch-1 shape hints; onnxruntime infers shapes
            out += f.raw
    return out + new_inits


def _rewrite_node(node: bytes, raw: bytes, floats: dict[str, np.ndarray], init_names: set[str],
                  report: RewriteReport) -> tuple[bytes, bytes]:
    """(encoded graph node fields, encoded new graph initializer fields) replacing one node."""
    nf = _fields(node)
    op = (_strings(nf, _NODE_OP) or [""])[0]
    if op != "PRelu":
        return raw, b""
    x, slope = (_strings(nf, _NODE_INPUT) + ["", ""])[:2]
    out = (_strings(nf, _NODE_OUTPUT) or [""])[0]
    s = floats.get(slope)
    if s is None or s.ndim != 3 or s.shape[1:] != (1, 1) or not out or not x:
        report.prelu_kept += 1  # not a per-channel NCHW slope: leave it as it is
        return raw, b""
    c = int(s.shape[0])
    n = {k: f"{out}__aplguard_{k}" for k in ("relu", "scaled", "neg", "pos", "add", "s", "one_minus_s")}
    if any(v in init_names for v in n.values()):
        raise FaceError(f"ONNX model: a name made for {out!r} is already used")
    if bool(np.all(s <= 1.0)):
        # 1 - s >= 0, so (1 - s) * Relu(y) = Relu((1 - s) * y): the Relu fuses into
        # the depthwise conv and the Add into the other one (two passes, not three).
        nodes = [_node("Conv", [x, n["one_minus_s"]], [n["scaled"]], n["scaled"], group=c),
                 _node("Relu", [n["scaled"]], [n["pos"]], n["relu"]),
                 _node("Conv", [x, n["s"]], [n["neg"]], n["neg"], group=c),
                 _node("Add", [n["neg"], n["pos"]], [out], n["add"])]
    else:
        nodes = [_node("Relu", [x], [n["relu"]], n["relu"]),
                 _node("Conv", [x, n["s"]], [n["neg"]], n["neg"], group=c),
                 _node("Conv", [n["relu"], n["one_minus_s"]], [n["pos"]], n["pos"], group=c),
                 _node("Add", [n["neg"], n["pos"]], [out], n["add"])]
    inits = [_tensor(n["s"], s.reshape(c, 1, 1, 1)), _tensor(n["one_minus_s"], (1.0 - s).reshape(c, 1, 1, 1))]
    report.prelu_rewritten += 1
    return (b"".join(_len_field(_GRAPH_NODE, x) for x in nodes),
            b"".join(_len_field(_GRAPH_INITIALIZER, t) for t in inits))


def rewrite_for_onnxruntime(model: bytes) -> tuple[bytes, RewriteReport]:
    """Return ``model`` rewritten as described in the module docstring, and what changed.

    Raises:
        FaceError: the bytes are not a parseable ONNX model with a graph.
    """
    report = RewriteReport()
    out, seen = b"", False
    for f in _fields(model):
        if f.num == _MODEL_GRAPH and isinstance(f.value, bytes):
            out += _len_field(_MODEL_GRAPH, _rewrite_graph(bytes(f.value), report))
            seen = True
        else:
            out += f.raw
    if not seen:
        raise FaceError("ONNX model: no graph found (is this an .onnx file?)")
    return out, report


__all__ = ["RewriteReport", "rewrite_for_onnxruntime"]
