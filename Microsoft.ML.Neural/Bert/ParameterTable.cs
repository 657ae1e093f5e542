using Microsoft.ML.Neural.Checkpoints;

namespace Microsoft.ML.Neural.Bert;

/// <summary>Named parameters stored back to back in one flat buffer, with a gradient buffer of the
/// same layout. One buffer lets related weights be used as one matrix (query, key and value form a
/// single [3H, H] projection) and lets an optimizer update every parameter in one SIMD pass.</summary>
public sealed class ParameterTable
{
    private readonly List<ParameterSlice> _slices = new();
    private readonly Dictionary<string, ParameterSlice> _byName = new(StringComparer.Ordinal);
    private float[]? _values;
    private float[]? _grads;

    /// <summary>Reserves a parameter of <paramref name="shape"/> directly after the previous one.
    /// All parameters must be added before <see cref="Values"/> is first used.</summary>
    public ParameterSlice Add(string name, params int[] shape)
    {
        if (_values is not null) throw new InvalidOperationException($"Cannot add '{name}': the table's storage is already allocated.");
        var slice = new ParameterSlice(name, shape, Length, TensorData.ElementCount(shape));
        if (!_byName.TryAdd(name, slice)) throw new ArgumentException($"Parameter '{name}' is added twice.", nameof(name));
        _slices.Add(slice);
        Length = checked(Length + slice.Count);
        return slice;
    }

    /// <summary>Total number of scalars.</summary>
    public int Length { get; private set; }

    /// <summary>The parameters in storage order.</summary>
    public IReadOnlyList<ParameterSlice> Slices => _slices;

    public ParameterSlice this[string name] =>
        _byName.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"No parameter named '{name}'.");

    public bool TryGet(string name, out ParameterSlice slice) => _byName.TryGetValue(name, out slice!);

    /// <summary>The values of all parameters, laid out as <see cref="Slices"/>.</summary>
    public float[] Values => _values ??= new float[Length];

    /// <summary>The gradients, same layout; allocated (zeroed) on first use, so inference never pays for them.</summary>
    public float[] Grads => _grads ??= new float[Length];

    /// <summary>A copy of every parameter as a name → tensor map (a state dict).</summary>
    public Dictionary<string, TensorData> ToTensors(string prefix = "")
    {
        var result = new Dictionary<string, TensorData>(_slices.Count, StringComparer.Ordinal);
        foreach (var s in _slices) result.Add(prefix + s.Name, new TensorData((int[])s.Shape.Clone(), s.Of(Values).ToArray()));
        return result;
    }
}
