using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.Neural.Checkpoints;

/// <summary>A pickle interpreter restricted to what <c>torch.save(state_dict)</c> writes: dicts and
/// OrderedDicts of tensors rebuilt from persistent storages. Any other opcode or global is refused,
/// so a checkpoint can never run code. Errors name the file, the byte offset and, where it can be
/// told, the state-dict key being read.</summary>
internal sealed class StateDictUnpickler
{
    private static readonly Dictionary<string, ElementType> StorageTypes = new(StringComparer.Ordinal)
    {
        ["torch.FloatStorage"] = ElementType.Float32,
        ["torch.HalfStorage"] = ElementType.Float16,
        ["torch.BFloat16Storage"] = ElementType.BFloat16,
        ["torch.DoubleStorage"] = ElementType.Float64,
        ["torch.LongStorage"] = ElementType.Int64,
        ["torch.IntStorage"] = ElementType.Int32,
    };

    private const string OrderedDict = "collections.OrderedDict";
    private const string RebuildTensor = "torch._utils._rebuild_tensor_v2";
    private const string RebuildParameter = "torch._utils._rebuild_parameter";

    private readonly string _file;
    private readonly byte[] _data;
    private int _pos;
    private List<object?> _stack = new();
    private readonly List<List<object?>> _metastack = new();
    private readonly Dictionary<long, object?> _memo = new();

    private StateDictUnpickler(string file, byte[] data)
    {
        _file = file;
        _data = data;
    }

    /// <summary>Runs the pickle in <paramref name="data"/> (read from <paramref name="file"/>) and returns its top object.</summary>
    public static object? Run(string file, byte[] data) => new StateDictUnpickler(file, data).Execute();

    private object? Execute()
    {
        while (true)
        {
            int at = _pos;
            byte op = ReadByte();
            switch (op)
            {
                case 0x80: ReadByte(); break;                                     // PROTO
                case 0x95: ReadBytes(8); break;                                   // FRAME (a size hint only)
                case (byte)'}': Push(new PickleDict()); break;                    // EMPTY_DICT
                case (byte)']': Push(new List<object?>()); break;                 // EMPTY_LIST
                case (byte)')': Push(Array.Empty<object?>()); break;              // EMPTY_TUPLE
                case (byte)'(': _metastack.Add(_stack); _stack = new(); break;    // MARK
                case (byte)'X': Push(ReadUtf8(ReadInt32())); break;              // BINUNICODE
                case 0x8C: Push(ReadUtf8(ReadByte())); break;                     // SHORT_BINUNICODE
                case 0x8D: Push(ReadUtf8(checked((int)ReadInt64()))); break;      // BINUNICODE8
                case (byte)'T': Push(ReadLatin1(ReadInt32())); break;            // BINSTRING (Python 2 str)
                case (byte)'U': Push(ReadLatin1(ReadByte())); break;             // SHORT_BINSTRING
                case (byte)'q': _memo[ReadByte()] = Peek(at); break;              // BINPUT
                case (byte)'r': _memo[(uint)ReadInt32()] = Peek(at); break;       // LONG_BINPUT
                case 0x94: _memo[_memo.Count] = Peek(at); break;                  // MEMOIZE
                case (byte)'h': Push(Recall(ReadByte(), at)); break;              // BINGET
                case (byte)'j': Push(Recall((uint)ReadInt32(), at)); break;       // LONG_BINGET
                case (byte)'c': Push(Global(ReadLine(), ReadLine(), at)); break;  // GLOBAL
                case 0x93:                                                        // STACK_GLOBAL
                {
                    var name = Pop(at) as string; var module = Pop(at) as string;
                    if (name is null || module is null) throw Fail(at, "STACK_GLOBAL expects two strings.");
                    Push(Global(module, name, at));
                    break;
                }
                case (byte)'t': Push(PopMark(at).ToArray()); break;               // TUPLE
                case 0x85: Push(new[] { Pop(at) }); break;                        // TUPLE1
                case 0x86: { var b = Pop(at); var a = Pop(at); Push(new[] { a, b }); break; }                 // TUPLE2
                case 0x87: { var c = Pop(at); var b = Pop(at); var a = Pop(at); Push(new[] { a, b, c }); break; } // TUPLE3
                case (byte)'J': Push((long)ReadInt32()); break;                   // BININT
                case (byte)'K': Push((long)ReadByte()); break;                    // BININT1
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2))); break; // BININT2
                case 0x8A: Push(ReadLong1(at)); break;                            // LONG1
                case 0x88: Push(true); break;                                     // NEWTRUE
                case 0x89: Push(false); break;                                    // NEWFALSE
                case (byte)'N': Push(null); break;                                // NONE
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8))); break; // BINFLOAT
                case (byte)'R': { var args = Pop(at); var fn = Pop(at); Push(Reduce(fn, args, at)); break; } // REDUCE
                case (byte)'Q': Push(LoadStorage(Pop(at), at)); break;            // BINPERSID
                case (byte)'b': Build(Pop(at), at); break;                        // BUILD
                case (byte)'s': { var v = Pop(at); var k = Pop(at); DictAt(at).Items.Add(new(k, v)); break; } // SETITEM
                case (byte)'u': SetItems(PopMark(at), at); break;                 // SETITEMS
                case (byte)'a': { var v = Pop(at); ListAt(at).Add(v); break; }    // APPEND
                case (byte)'e': { var items = PopMark(at); ListAt(at).AddRange(items); break; } // APPENDS
                case (byte)'.': return Pop(at);                                   // STOP
                default:
                    throw Fail(at, $"unsupported pickle opcode 0x{op:x2}{(op is >= 0x20 and < 0x7f ? $" ('{(char)op}')" : "")}; only the opcodes of a PyTorch state dict are read.");
            }
        }
    }

    private PickleGlobal Global(string module, string name, int at)
    {
        var g = new PickleGlobal(module, name);
        string full = g.ToString();
        if (full is OrderedDict or RebuildTensor or RebuildParameter || StorageTypes.ContainsKey(full)) return g;
        throw Fail(at, $"pickle global '{full}' is not allowed; a state dict may only refer to {OrderedDict}, {RebuildTensor}, {RebuildParameter} and torch storage types.");
    }

    private object Reduce(object? fn, object? args, int at)
    {
        if (fn is not PickleGlobal g) throw Fail(at, "REDUCE applied to something that is not a global.");
        if (args is not object?[] a) throw Fail(at, $"REDUCE of '{g}' without an argument tuple.");
        switch (g.ToString())
        {
            case OrderedDict when a.Length == 0:
                return new PickleDict();
            case RebuildTensor when a.Length is 6 or 7:
            {
                // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
                if (a[0] is not StorageRef storage || a[1] is not long offset || a[2] is not object?[] size || a[3] is not object?[] stride || size.Length != stride.Length)
                    throw Fail(at, $"{RebuildTensor} arguments are not (storage, offset, size, stride, ...).");
                var shape = new int[size.Length];
                var strides = new long[size.Length];
                for (int i = 0; i < size.Length; i++)
                {
                    if (size[i] is not long d || d < 0 || d > int.MaxValue || stride[i] is not long s || s < 0)
                        throw Fail(at, $"{RebuildTensor} has an invalid size or stride.");
                    shape[i] = (int)d;
                    strides[i] = s;
                }
                return new TensorRef(storage, offset, shape, strides);
            }
            case RebuildParameter when a.Length == 3 && a[0] is TensorRef data:
                return data;
            default:
                throw Fail(at, $"'{g}' cannot be called with {a.Length} argument(s) in a state dict.");
        }
    }

    private StorageRef LoadStorage(object? pid, int at)
    {
        // torch.save writes ('storage', storage_type, key, location, numel) for every storage.
        if (pid is not object?[] t || t.Length != 5 || t[0] is not "storage" || t[1] is not PickleGlobal type || t[2] is not string key || t[4] is not long count || count < 0)
            throw Fail(at, "persistent id is not a torch storage ('storage', type, key, location, numel).");
        if (!StorageTypes.TryGetValue(type.ToString(), out var elementType))
            throw Fail(at, $"storage type '{type}' is not supported.");
        return new StorageRef(key, elementType, count);
    }

    private void Build(object? state, int at)
    {
        // OrderedDict state dicts carry their module versions as attributes (_metadata); they do not
        // affect the tensors, so only that case is accepted and the state is dropped.
        if (Peek(at) is PickleDict && state is PickleDict or null) return;
        throw Fail(at, "BUILD is only accepted on a state dict's OrderedDict.");
    }

    private void SetItems(List<object?> items, int at)
    {
        if (items.Count % 2 != 0) throw Fail(at, "SETITEMS with an odd number of items.");
        var dict = DictAt(at);
        for (int i = 0; i < items.Count; i += 2) dict.Items.Add(new(items[i], items[i + 1]));
    }

    private PickleDict DictAt(int at) => Peek(at) as PickleDict ?? throw Fail(at, "SETITEM(S) on something that is not a dict.");

    private List<object?> ListAt(int at) => Peek(at) as List<object?> ?? throw Fail(at, "APPEND(S) on something that is not a list.");

    private object? Recall(long index, int at) =>
        _memo.TryGetValue(index, out var v) ? v : throw Fail(at, $"memo entry {index} read before it was written.");

    private void Push(object? o) => _stack.Add(o);

    private object? Peek(int at) => _stack.Count > 0 ? _stack[^1] : throw Fail(at, "stack underflow.");

    private object? Pop(int at)
    {
        var o = Peek(at);
        _stack.RemoveAt(_stack.Count - 1);
        return o;
    }

    private List<object?> PopMark(int at)
    {
        if (_metastack.Count == 0) throw Fail(at, "no MARK to pop to.");
        var items = _stack;
        _stack = _metastack[^1];
        _metastack.RemoveAt(_metastack.Count - 1);
        return items;
    }

    /// <summary>The state-dict key whose value is being read, if the stack shows one: the top-level
    /// dict sits alone in the outermost frame and its pending key/value items in the next one.</summary>
    private string? CurrentKey()
    {
        var frames = new List<List<object?>>(_metastack) { _stack };
        if (frames.Count < 2 || frames[0].Count == 0 || frames[0][^1] is not PickleDict) return null;
        var items = frames[1];
        return items.Count == 0 ? null : items[(items.Count - 1) & ~1] as string;
    }

    private CheckpointException Fail(int at, string problem) =>
        new(_file, CurrentKey(), $"data.pkl byte {at}: {problem}");

    private byte ReadByte() => ReadBytes(1)[0];

    private ReadOnlySpan<byte> ReadBytes(int n)
    {
        if (n < 0 || _pos + n > _data.Length) throw Fail(_pos, "the pickle ends early (truncated).");
        var span = _data.AsSpan(_pos, n);
        _pos += n;
        return span;
    }

    private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    private long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));

    private string ReadUtf8(int n) => Encoding.UTF8.GetString(ReadBytes(n));

    private string ReadLatin1(int n) => Encoding.Latin1.GetString(ReadBytes(n));

    private string ReadLine()
    {
        int end = Array.IndexOf(_data, (byte)'\n', _pos);
        if (end < 0) throw Fail(_pos, "the pickle ends early (truncated).");
        string s = Encoding.ASCII.GetString(_data, _pos, end - _pos);
        _pos = end + 1;
        return s;
    }

    private long ReadLong1(int at)
    {
        // Little-endian two's complement of the given length; state dicts only need 64-bit values.
        int n = ReadByte();
        if (n > 8) throw Fail(at, $"LONG1 of {n} bytes does not fit in 64 bits.");
        var bytes = ReadBytes(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | bytes[i];
        if (n is > 0 and < 8 && (bytes[n - 1] & 0x80) != 0) v -= 1L << (8 * n);
        return v;
    }
}
