namespace Microsoft.ML.Neural.Checkpoints;

// The few kinds of object a PyTorch state-dict pickle builds. Python ints are long, strings are
// string, tuples are object?[], lists are List<object?>, True/False/None are bool/null.

/// <summary>A module-level name the pickle refers to (GLOBAL / STACK_GLOBAL), e.g. torch.FloatStorage.</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public override string ToString() => $"{Module}.{Name}";
}

/// <summary>A dict or OrderedDict, keeping the order in which items were set.</summary>
internal sealed class PickleDict
{
    public List<KeyValuePair<object?, object?>> Items { get; } = new();
}

/// <summary>A typed storage of the archive: the element type and count of <c>data/&lt;Key&gt;</c>.</summary>
internal sealed record StorageRef(string Key, ElementType Type, long Count);

/// <summary>A tensor view on a storage, as <c>torch._utils._rebuild_tensor_v2</c> describes it;
/// read lazily so that problems can be reported with the tensor's state-dict name.</summary>
internal sealed record TensorRef(StorageRef Storage, long Offset, int[] Shape, long[] Stride);
