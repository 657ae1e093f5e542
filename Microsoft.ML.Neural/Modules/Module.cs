using Microsoft.ML.Neural.Checkpoints;

namespace Microsoft.ML.Neural;

/// <summary>Base of layers and models: owns named parameters (trainable tensors), buffers
/// (state such as running statistics) and sub-modules, and a train/eval mode. Names nest with
/// dots as in PyTorch ("fc1.weight"), so state dicts are interchangeable with PyTorch's.</summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Value)> _parameters = new();
    private readonly List<(string Name, Tensor Value)> _buffers = new();
    private readonly List<(string Name, Module Value)> _children = new();

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Registers a trainable tensor: it is taken out of any scope and made to require grad.</summary>
    protected Tensor RegisterParameter(string name, Tensor value)
    {
        CheckName(name);
        value.DetachFromScope().RequiresGrad = true;
        _parameters.Add((name, value));
        return value;
    }

    /// <summary>Registers non-trainable state saved with the module (running statistics, masks).</summary>
    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        CheckName(name);
        _buffers.Add((name, value.DetachFromScope()));
        return value;
    }

    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckName(name);
        _children.Add((name, module));
        module.Train(IsTraining);
        return module;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"Module member names must be non-empty and contain no '.'; got '{name}'.", nameof(name));
        if (_parameters.Any(p => p.Name == name) || _buffers.Any(b => b.Name == name) || _children.Any(c => c.Name == name))
            throw new ArgumentException($"A member named '{name}' is already registered on {GetType().Name}.", nameof(name));
    }

    /// <summary>Parameters of this module and all sub-modules, with dotted names, in registration order.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters()
    {
        foreach (var (name, p) in _parameters) yield return (name, p);
        foreach (var (prefix, child) in _children)
            foreach (var (name, p) in child.NamedParameters()) yield return ($"{prefix}.{name}", p);
    }

    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers()
    {
        foreach (var (name, b) in _buffers) yield return (name, b);
        foreach (var (prefix, child) in _children)
            foreach (var (name, b) in child.NamedBuffers()) yield return ($"{prefix}.{name}", b);
    }

    /// <summary>Direct sub-modules with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children.Select(c => (c.Name, c.Value));

    /// <summary>Sets training mode on this module and every sub-module; returns this module.</summary>
    public Module Train(bool training = true)
    {
        IsTraining = training;
        foreach (var (_, child) in _children) child.Train(training);
        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Clears the gradients of all parameters (their storage is kept for reuse).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.Grad = null;
    }

    /// <summary>Parameters and buffers by dotted name (the live tensors, not copies).</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>();
        foreach (var (name, p) in NamedParameters()) state[name] = p;
        foreach (var (name, b) in NamedBuffers()) state[name] = b;
        return state;
    }

    /// <summary>Copies values into the parameters and buffers with matching names. With
    /// <paramref name="strict"/>, a missing or unexpected name is an error; shapes must always match.
    /// Nothing is modified when any check fails.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var own = StateDict();
        if (strict)
        {
            var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
                throw new ArgumentException($"LoadStateDict: missing keys [{string.Join(", ", missing)}], unexpected keys [{string.Join(", ", unexpected)}].");
        }
        foreach (var (name, target) in own)
            if (state.TryGetValue(name, out var source) && !Shapes.Equal(source.Dims, target.Dims))
                throw new ArgumentException($"LoadStateDict: '{name}' has shape {Shapes.Format(source.Dims)} in the state dict but {Shapes.Format(target.Dims)} in the module.");
        using var noGrad = Autograd.NoGrad();
        foreach (var (name, target) in own)
            if (state.TryGetValue(name, out var source)) target.CopyFrom(source);
    }

    /// <summary>Writes the state dict to a safetensors file (through a temporary file, so a failed
    /// save leaves no partial file).</summary>
    public void Save(string path)
    {
        var data = StateDict().ToDictionary(kv => kv.Key, kv => new TensorData((int[])kv.Value.Dims.Clone(), kv.Value.ToArray()));
        SafeTensors.Save(path, data);
    }

    /// <summary>Loads a state dict from a safetensors file written by <see cref="Save"/> (or by PyTorch).</summary>
    public void Load(string path, bool strict = true)
    {
        var data = SafeTensors.Load(path);
        var state = data.ToDictionary(kv => kv.Key, kv => new Tensor(kv.Value.Values, kv.Value.Shape, tracked: false));
        LoadStateDict(state, strict);
    }
}

/// <summary>A module with a forward computation from <typeparamref name="TIn"/> to <typeparamref name="TOut"/>.</summary>
public abstract class Module<TIn, TOut> : Module
{
    public abstract TOut Forward(TIn input);
}
