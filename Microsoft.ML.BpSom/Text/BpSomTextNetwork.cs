using Microsoft.ML.Neural;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.BpSom;

/// <summary>The text classifier's network: BERT → pooled [CLS] (H) → BP-SOM hidden layer z = W₁·x + b₁, a = sigmoid(z)
/// (HiddenSize units, with a SOM over a) → dropout → logits = W₂·a + b₂ → softmax. The head is written with <see cref="Tensor"/>
/// ops on <see cref="BertModel.PooledTensor"/>, so that the SOM error can enter through a gradient hook on z and the
/// encoder is trained by the same backward pass. Not thread-safe (the encoder and the SOM keep scratch buffers).</summary>
internal sealed class BpSomTextNetwork
{
    public BpSomTextNetwork(BertModel encoder, TextBatchEncoder textEncoder, int classCount, float dropout,
        Tensor hiddenWeight, Tensor hiddenBias, Tensor outputWeight, Tensor outputBias, SelfOrganizingMap map)
    {
        int h = encoder.Config.HiddenSize, units = hiddenBias.Size(0);
        if (hiddenWeight.Size(0) != units || hiddenWeight.Size(1) != h || outputWeight.Size(0) != classCount || outputWeight.Size(1) != units
            || outputBias.Size(0) != classCount || map.Dimension != units || map.ClassCount != classCount)
            throw new ArgumentException($"The head's shapes do not fit an encoder of width {h}, {units} hidden units and {classCount} classes.");
        Encoder = encoder;
        TextEncoder = textEncoder;
        ClassCount = classCount;
        Dropout = dropout;
        HiddenWeight = hiddenWeight.RequireGrad();
        HiddenBias = hiddenBias.RequireGrad();
        OutputWeight = outputWeight.RequireGrad();
        OutputBias = outputBias.RequireGrad();
        Map = map;
    }

    /// <summary>A new network: the head initialised as PyTorch's Linear (uniform ±1/√in) from <paramref name="headGenerator"/>,
    /// SOM prototypes uniform on [−0.5, 1.5) as in the reference, every cell unlabelled.</summary>
    public static BpSomTextNetwork Create(BertModel encoder, TextBatchEncoder textEncoder, int classCount, int hiddenSize, float dropout,
        int somGridSize, GridDistance distance, Generator headGenerator, Random somRandom)
    {
        var hidden = new Linear(encoder.Config.HiddenSize, hiddenSize, generator: headGenerator);
        var output = new Linear(hiddenSize, classCount, generator: headGenerator);
        var map = SelfOrganizingMap.CreateRandom(somGridSize, hiddenSize, classCount, distance, somRandom);
        return new BpSomTextNetwork(encoder, textEncoder, classCount, dropout, hidden.Weight.Detach(), hidden.Bias!.Detach(),
            output.Weight.Detach(), output.Bias!.Detach(), map);
    }

    public BertModel Encoder { get; }
    public TextBatchEncoder TextEncoder { get; }
    public int ClassCount { get; }
    public float Dropout { get; }

    /// <summary>W₁ [HiddenSize, H].</summary>
    public Tensor HiddenWeight { get; private set; }

    /// <summary>b₁ [HiddenSize].</summary>
    public Tensor HiddenBias { get; private set; }

    /// <summary>W₂ [classes, HiddenSize].</summary>
    public Tensor OutputWeight { get; private set; }

    /// <summary>b₂ [classes].</summary>
    public Tensor OutputBias { get; private set; }

    public SelfOrganizingMap Map { get; }

    public int HiddenSize => HiddenBias.Size(0);

    /// <summary>The head's parameters, for an optimizer.</summary>
    public Tensor[] HeadParameters => [HiddenWeight, HiddenBias, OutputWeight, OutputBias];

    /// <summary>One pass. In training mode (grad enabled) dropout is on in the encoder and the head, and the encoder records
    /// for backward. Returns the hidden layer's net input z, its activations a = sigmoid(z) and the logits.</summary>
    public (Tensor NetInput, Tensor Hidden, Tensor Logits) Forward(BertBatch batch, bool training, Generator dropoutGenerator)
    {
        var pooled = Encoder.PooledTensor(batch, training);
        var z = pooled.Linear(HiddenWeight, HiddenBias);
        var hidden = z.Sigmoid();
        var logits = hidden.Dropout(Dropout, training, dropoutGenerator).Linear(OutputWeight, OutputBias);
        return (z, hidden, logits);
    }

    /// <summary>Evaluation-mode pass (no dropout, nothing recorded): hidden activations [B, HiddenSize] and logits [B, classes].</summary>
    public (float[] Hidden, float[] Logits) Evaluate(BertBatch batch)
    {
        using var noGrad = Autograd.NoGrad();
        var (_, hidden, logits) = Forward(batch, training: false, Generator.Default);
        return (hidden.ToArray(), logits.ToArray());
    }

    /// <summary>Removes hidden unit <paramref name="unit"/>, replacing its activation by <paramref name="mean"/>: mean·W₂[:, unit] moves
    /// into b₂ and the unit's component leaves every SOM prototype (ALGORITHMS.md A.11). Keeps at least one unit.</summary>
    public void PruneUnit(int unit, float mean)
    {
        int units = HiddenSize, h = Encoder.Config.HiddenSize, k = ClassCount;
        if ((uint)unit >= (uint)units) throw new ArgumentOutOfRangeException(nameof(unit), unit, $"The hidden layer has {units} units.");
        if (units == 1) throw new InvalidOperationException("The hidden layer has a single unit left; it cannot be pruned.");
        var w1 = HiddenWeight.AsReadOnlySpan();
        var b1 = HiddenBias.AsReadOnlySpan();
        var w2 = OutputWeight.AsReadOnlySpan();
        var outputBias = OutputBias.ToArray();
        var hiddenWeight = new float[(units - 1) * h];
        var hiddenBias = new float[units - 1];
        var outputWeight = new float[k * (units - 1)];
        for (int u = 0, kept = 0; u < units; u++)
        {
            if (u == unit) continue;
            w1.Slice(u * h, h).CopyTo(hiddenWeight.AsSpan(kept * h, h));
            hiddenBias[kept] = b1[u];
            for (int c = 0; c < k; c++) outputWeight[c * (units - 1) + kept] = w2[c * units + u];
            kept++;
        }
        for (int c = 0; c < k; c++) outputBias[c] += mean * w2[c * units + unit];
        HiddenWeight = Tensor.FromArray(hiddenWeight, units - 1, h).RequireGrad();
        HiddenBias = Tensor.FromArray(hiddenBias, units - 1).RequireGrad();
        OutputWeight = Tensor.FromArray(outputWeight, k, units - 1).RequireGrad();
        OutputBias = Tensor.FromArray(outputBias, k).RequireGrad();
        Map.RemoveComponent(unit);
    }

    /// <summary>A deep copy (encoder weights, head, SOM with its labels); the copy's dropout stream is a copy of this one's.</summary>
    public BpSomTextNetwork Clone()
    {
        var encoder = new BertModel(Encoder.Config) { DropoutGenerator = new Generator(Encoder.DropoutGenerator.Seed) { Position = Encoder.DropoutGenerator.Position } };
        Encoder.Parameters.Values.CopyTo(encoder.Parameters.Values, 0);
        return new BpSomTextNetwork(encoder, TextEncoder, ClassCount, Dropout, Copy(HiddenWeight), Copy(HiddenBias), Copy(OutputWeight),
            Copy(OutputBias), Map.Clone());
    }

    private static Tensor Copy(Tensor t) => Tensor.FromArray(t.ToArray(), [.. t.Shape]);
}
