using System.Globalization;
using Microsoft.ML.Neural.Checkpoints;

namespace Microsoft.ML.Neural;

/// <summary>Base of optimizers: parameter groups, per-parameter state tensors, zeroing
/// gradients, and state save/load. <see cref="Step"/> runs one fused update per parameter.</summary>
public abstract class Optimizer
{
    private readonly List<(ParameterGroup Group, Tensor Parameter)> _slots = new();
    private readonly List<Dictionary<string, Tensor>> _state = new();

    protected Optimizer(IEnumerable<ParameterGroup> groups, double learningRate, double weightDecay)
    {
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be non-negative.");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Weight decay must be non-negative.");
        Groups = groups.ToArray();
        if (Groups.Count == 0) throw new ArgumentException("An optimizer needs at least one parameter group.", nameof(groups));
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var g in Groups)
        {
            g.LearningRate = g.InitialLearningRate = g.RequestedLearningRate ?? learningRate;
            g.WeightDecay = g.RequestedWeightDecay ?? weightDecay;
            foreach (var p in g.Parameters)
            {
                if (!seen.Add(p)) throw new ArgumentException($"A parameter of shape {Shapes.Format(p.Dims)} appears twice.", nameof(groups));
                _slots.Add((g, p));
                _state.Add(new Dictionary<string, Tensor>());
            }
        }
    }

    public IReadOnlyList<ParameterGroup> Groups { get; }

    /// <summary>Learning rate of the first group; setting it sets every group's.</summary>
    public double LearningRate
    {
        get => Groups[0].LearningRate;
        set
        {
            foreach (var g in Groups) g.LearningRate = value;
        }
    }

    /// <summary>Number of completed <see cref="Step"/> calls.</summary>
    public long StepCount { get; private set; }

    public IEnumerable<Tensor> Parameters() => _slots.Select(s => s.Parameter);

    /// <summary>Clears every parameter's gradient (storage is kept for reuse).</summary>
    public void ZeroGrad()
    {
        foreach (var (_, p) in _slots) p.Grad = null;
    }

    /// <summary>Parameters with at least this many elements are updated by all cores, each on its
    /// own range (the update is element-wise, so the result does not depend on the split).</summary>
    private const int ParallelThreshold = 1 << 17;

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        using var noGrad = Autograd.NoGrad();
        StepCount++;
        for (int i = 0; i < _slots.Count; i++)
        {
            var (group, p) = _slots[i];
            if (p.Grad is not { } grad) continue;
            if (!grad.IsContiguous || grad.Count != p.Count)
                throw new InvalidOperationException($"The gradient of parameter {i} has shape {Shapes.Format(grad.Dims)} (contiguous: {grad.IsContiguous}) but the parameter has shape {Shapes.Format(p.Dims)}.");
            var state = _state[i];
            Prepare(group, state, p.Count);
            int parts = Math.Min(Environment.ProcessorCount, p.Count / ParallelThreshold);
            if (parts <= 1) Update(group, state, p.AsSpan(), grad.AsReadOnlySpan(), 0);
            else UpdateInParallel(group, state, p, grad, parts);
        }
    }

    private void UpdateInParallel(ParameterGroup group, Dictionary<string, Tensor> state, Tensor p, Tensor grad, int parts)
    {
        int chunk = ((p.Count + parts - 1) / parts + 63) & ~63;
        Parallel.For(0, parts, part =>
        {
            int start = part * chunk, length = Math.Min(chunk, p.Count - start);
            if (length > 0) Update(group, state, p.AsSpan().Slice(start, length), grad.AsReadOnlySpan().Slice(start, length), start);
        });
    }

    /// <summary>Per-parameter work before the element-wise update, run once per parameter and step:
    /// creating state tensors (<see cref="StateTensor"/>) and advancing counters.</summary>
    protected abstract void Prepare(ParameterGroup group, Dictionary<string, Tensor> state, int count);

    /// <summary>The fused in-place update of elements [offset, offset + parameter.Length) of one
    /// parameter. Ranges of one parameter may be updated concurrently, so this only reads
    /// <paramref name="state"/> (its tensors through <see cref="StateSlice"/>).</summary>
    protected abstract void Update(ParameterGroup group, Dictionary<string, Tensor> state, Span<float> parameter, ReadOnlySpan<float> gradient, int offset);

    /// <summary>The state tensor <paramref name="name"/> of a parameter with <paramref name="count"/>
    /// elements, created zero-filled (outside any scope) on first use.</summary>
    protected static Tensor StateTensor(Dictionary<string, Tensor> state, string name, int count)
    {
        if (!state.TryGetValue(name, out var t)) state[name] = t = Tensor.Persistent([count]);
        return t;
    }

    /// <summary>Elements [offset, offset + length) of an existing state tensor.</summary>
    protected static Span<float> StateSlice(Dictionary<string, Tensor> state, string name, int offset, int length) =>
        state[name].AsSpan().Slice(offset, length);

    /// <summary>State as name → tensor: "step" (a scalar), "lr.{group}", and "{parameter}.{name}"
    /// for each state tensor. Values are copies.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>
        {
            ["step"] = Tensor.Scalar(StepCount).DetachFromScope(),
        };
        for (int g = 0; g < Groups.Count; g++)
            dict[$"lr.{g}"] = Tensor.Scalar((float)Groups[g].LearningRate).DetachFromScope();
        for (int i = 0; i < _state.Count; i++)
            foreach (var (name, t) in _state[i])
                dict[string.Create(CultureInfo.InvariantCulture, $"{i}.{name}")] = new Tensor(t.ToArray(), (int[])t.Dims.Clone(), tracked: false);
        return dict;
    }

    /// <summary>Restores state saved by <see cref="StateDict"/> from an optimizer over parameters of
    /// the same shapes, in the same order.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> dict)
    {
        var parsed = new List<(int Index, string Name, Tensor Value)>();
        foreach (var (key, value) in dict)
        {
            if (key == "step" || key.StartsWith("lr.", StringComparison.Ordinal)) continue;
            int dot = key.IndexOf('.');
            if (dot <= 0 || !int.TryParse(key.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= _slots.Count)
                throw new ArgumentException($"Optimizer state key '{key}' does not name one of the {_slots.Count} parameters.");
            if (value.Count != _slots[index].Parameter.Count)
                throw new ArgumentException($"Optimizer state '{key}' has {value.Count} elements but parameter {index} has {_slots[index].Parameter.Count}.");
            parsed.Add((index, key[(dot + 1)..], value));
        }
        foreach (var s in _state) s.Clear();
        foreach (var (index, name, value) in parsed)
            _state[index][name] = new Tensor(value.ToArray(), [value.Count], tracked: false);
        if (dict.TryGetValue("step", out var step)) StepCount = (long)step.Item();
        for (int g = 0; g < Groups.Count; g++)
            if (dict.TryGetValue($"lr.{g}", out var lr)) Groups[g].LearningRate = lr.Item();
    }

    /// <summary>Writes <see cref="StateDict"/> to a safetensors file.</summary>
    public void Save(string path) =>
        SafeTensors.Save(path, StateDict().ToDictionary(kv => kv.Key, kv => new TensorData((int[])kv.Value.Dims.Clone(), kv.Value.ToArray())));

    public void Load(string path) =>
        LoadStateDict(SafeTensors.Load(path).ToDictionary(kv => kv.Key, kv => new Tensor(kv.Value.Values, kv.Value.Shape, tracked: false)));

    protected static IEnumerable<ParameterGroup> SingleGroup(IEnumerable<Tensor> parameters) => [new ParameterGroup(parameters)];
}
