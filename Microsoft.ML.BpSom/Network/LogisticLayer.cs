using System.Numerics.Tensors;

namespace Microsoft.ML.BpSom;

/// <summary>One fully connected layer of logistic units with its momentum buffers.
/// Row j of <see cref="Weights"/> holds unit j's incoming weights: column 0 is the bias (input fixed at 1),
/// column i + 1 the weight from input i. Rows are contiguous so the forward dot product and the
/// momentum step are single SIMD passes.</summary>
internal sealed class LogisticLayer
{
    public LogisticLayer(int inputCount, int unitCount, float[] weights, float[] momentum)
    {
        if (inputCount < 1 || unitCount < 1) throw new ArgumentOutOfRangeException(nameof(unitCount), $"A layer needs at least one input and one unit, got {inputCount}→{unitCount}.");
        if (weights.Length != unitCount * (inputCount + 1) || momentum.Length != weights.Length)
            throw new ArgumentException($"A {inputCount}→{unitCount} layer needs {unitCount * (inputCount + 1)} weights and momentum values, got {weights.Length} and {momentum.Length}.");
        InputCount = inputCount;
        UnitCount = unitCount;
        Weights = weights;
        Momentum = momentum;
        Output = new float[unitCount];
    }

    /// <summary>Weights and biases drawn uniformly on [−1, 1) (ALGORITHMS.md A.4), momentum 0.</summary>
    public static LogisticLayer CreateRandom(int inputCount, int unitCount, Random random)
    {
        var weights = new float[unitCount * (inputCount + 1)];
        for (int i = 0; i < weights.Length; i++) weights[i] = 2f * random.NextSingle() - 1f;
        return new LogisticLayer(inputCount, unitCount, weights, new float[weights.Length]);
    }

    public int InputCount { get; private set; }
    public int UnitCount { get; private set; }
    public int RowLength => InputCount + 1;
    public float[] Weights { get; private set; }
    public float[] Momentum { get; private set; }

    /// <summary>The activations of the last <see cref="Forward"/> call.</summary>
    public float[] Output { get; private set; }

    public Span<float> Row(int unit) => Weights.AsSpan(unit * RowLength, RowLength);
    public Span<float> MomentumRow(int unit) => Momentum.AsSpan(unit * RowLength, RowLength);

    /// <summary>Computes the activations into <see cref="Output"/>.</summary>
    public void Forward(ReadOnlySpan<float> input) => Forward(input, Output);

    /// <summary>Computes the activations into <paramref name="output"/>; reads the weights only, so concurrent scorers may share the layer.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != InputCount) throw new ArgumentException($"The layer expects {InputCount} inputs, got {input.Length}.", nameof(input));
        if (output.Length != UnitCount) throw new ArgumentException($"The layer produces {UnitCount} outputs, got a buffer of {output.Length}.", nameof(output));
        for (int j = 0; j < UnitCount; j++)
        {
            var row = Weights.AsSpan(j * RowLength, RowLength);
            output[j] = Logistic.Activate(row[0] + TensorPrimitives.Dot(row[1..], input));
        }
    }

    /// <summary>Removes unit <paramref name="unit"/>: its incoming weights, bias and momentum.</summary>
    public void RemoveUnit(int unit)
    {
        if ((uint)unit >= (uint)UnitCount) throw new ArgumentOutOfRangeException(nameof(unit), unit, $"The layer has {UnitCount} units.");
        Weights = WithoutRange(Weights, unit * RowLength, RowLength);
        Momentum = WithoutRange(Momentum, unit * RowLength, RowLength);
        UnitCount--;
        Output = new float[UnitCount];
    }

    /// <summary>Removes input <paramref name="input"/> after folding its mean contribution into the biases:
    /// bias_j += mean · w_{j,input} (ALGORITHMS.md A.11 step 2). Bias momentum is left as it was.</summary>
    public void RemoveInput(int input, float mean)
    {
        if ((uint)input >= (uint)InputCount) throw new ArgumentOutOfRangeException(nameof(input), input, $"The layer has {InputCount} inputs.");
        int oldRow = RowLength, newRow = RowLength - 1, column = input + 1;
        var weights = new float[UnitCount * newRow];
        var momentum = new float[UnitCount * newRow];
        for (int j = 0; j < UnitCount; j++)
        {
            var row = Weights.AsSpan(j * oldRow, oldRow);
            row[0] += mean * row[column];
            CopyWithoutColumn(row, weights.AsSpan(j * newRow, newRow), column);
            CopyWithoutColumn(Momentum.AsSpan(j * oldRow, oldRow), momentum.AsSpan(j * newRow, newRow), column);
        }
        Weights = weights;
        Momentum = momentum;
        InputCount--;
    }

    public LogisticLayer Clone() => new(InputCount, UnitCount, (float[])Weights.Clone(), (float[])Momentum.Clone());

    private static void CopyWithoutColumn(ReadOnlySpan<float> source, Span<float> target, int column)
    {
        source[..column].CopyTo(target);
        source[(column + 1)..].CopyTo(target[column..]);
    }

    private static float[] WithoutRange(float[] source, int start, int length)
    {
        var result = new float[source.Length - length];
        source.AsSpan(0, start).CopyTo(result);
        source.AsSpan(start + length).CopyTo(result.AsSpan(start));
        return result;
    }
}
