namespace Microsoft.ML.Neural;

/// <summary>Parameters that share optimizer settings (e.g. no weight decay on biases and norms).
/// Settings left null take the optimizer's values.</summary>
public sealed class ParameterGroup
{
    public ParameterGroup(IEnumerable<Tensor> parameters, double? learningRate = null, double? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
        foreach (var p in Parameters)
            if (!p.IsLeaf || !p.IsContiguous)
                throw new ArgumentException($"Optimizers update contiguous leaf tensors in place; got a {(p.IsLeaf ? "non-contiguous" : "non-leaf")} tensor of shape {Shapes.Format(p.Dims)}.", nameof(parameters));
        RequestedLearningRate = learningRate;
        RequestedWeightDecay = weightDecay;
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Current learning rate (schedules change it).</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate the group started with: the base that schedules scale.</summary>
    public double InitialLearningRate { get; internal set; }

    public double WeightDecay { get; set; }

    internal double? RequestedLearningRate { get; }

    internal double? RequestedWeightDecay { get; }
}
