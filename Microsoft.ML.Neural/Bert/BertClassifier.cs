using Microsoft.ML.Neural.Checkpoints;

namespace Microsoft.ML.Neural.Bert;

/// <summary>Sequence classification as transformers' BertForSequenceClassification: the pooled [CLS]
/// output → dropout → linear layer → one logit per label, trained with cross-entropy. Checkpoint
/// names are "bert.*" for the encoder and "classifier.weight/bias" for the head.</summary>
public sealed class BertClassifier
{
    private readonly ParameterSlice _weight, _bias;
    private float[] _dropMask = [], _dropped = [], _logits = [];
    private int[]? _labels;

    public BertClassifier(BertModel encoder, int numLabels, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (numLabels < 2) throw new ArgumentOutOfRangeException(nameof(numLabels), numLabels, "A classifier needs at least two labels.");
        Encoder = encoder;
        NumLabels = numLabels;
        int h = encoder.Config.HiddenSize;
        _weight = Head.Add("classifier.weight", numLabels, h);
        _bias = Head.Add("classifier.bias", numLabels);
        new Generator(seed).FillNormal(_weight.Of(Head.Values), 0f, encoder.Config.InitializerRange);
    }

    public BertModel Encoder { get; }
    public int NumLabels { get; }

    /// <summary>The head's parameters: classifier.weight [labels, H] and classifier.bias [labels].</summary>
    public ParameterTable Head { get; } = new();

    /// <summary>An AdamW over the encoder and the head, with the word-embedding table as its sparse region.</summary>
    public FusedAdamW CreateOptimizer(float learningRate, float weightDecay = 0.01f)
    {
        var optimizer = new FusedAdamW(learningRate, weightDecay);
        optimizer.Add(Encoder.Parameters, Encoder.WordEmbeddings, Encoder.Config.HiddenSize, Encoder.TouchedWordRows);
        optimizer.Add(Head);
        return optimizer;
    }

    /// <summary>Logits [B, labels] in evaluation mode (no dropout, nothing recorded).</summary>
    public float[] Predict(BertBatch batch)
    {
        var pooled = Encoder.Forward(batch, pooledOnly: true).PooledOutput.Span;
        var logits = new float[batch.BatchSize * NumLabels];
        LinearKernels.Forward(pooled, batch.BatchSize, Encoder.Config.HiddenSize, _weight.Of(Head.Values), _bias.Of(Head.Values), logits);
        return logits;
    }

    /// <summary>Training-mode forward (dropout on) and backward of the mean cross-entropy of
    /// <paramref name="labels"/>; accumulates gradients and returns the loss.</summary>
    public float ForwardBackward(BertBatch batch, int[] labels)
    {
        float loss = Forward(batch, labels);
        Backward();
        return loss;
    }

    /// <summary>Clears the gradients of encoder and head.</summary>
    public void ZeroGrad()
    {
        Encoder.ZeroGrad();
        Array.Clear(Head.Grads);
    }

    /// <summary>Saves encoder ("bert.*") and head ("classifier.*") as one safetensors file.</summary>
    public void Save(string path)
    {
        var tensors = Encoder.Parameters.ToTensors("bert.");
        foreach (var (name, t) in Head.ToTensors()) tensors.Add(name, t);
        SafeTensors.Save(path, tensors);
    }

    /// <summary>Loads a checkpoint saved by <see cref="Save"/> (or by transformers' BertForSequenceClassification).</summary>
    public BertLoadReport Load(string path)
    {
        var stateDict = BertCheckpoint.ReadStateDict(path);
        var encoderPart = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        var headSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, tensor) in stateDict)
        {
            if (!Head.TryGet(key, out var slice)) { encoderPart.Add(key, tensor); continue; }
            if (!tensor.Shape.SequenceEqual(slice.Shape))
                throw new CheckpointException(path, key, $"has shape {tensor.ShapeText} but this classifier needs {TensorData.FormatShape(slice.Shape)}.");
            tensor.Values.CopyTo(slice.Of(Head.Values));
            headSeen.Add(key);
        }
        var missingHead = Head.Slices.FirstOrDefault(s => !headSeen.Contains(s.Name));
        if (missingHead is not null) throw new CheckpointException(path, missingHead.Name, "missing from the checkpoint.");
        return BertCheckpoint.LoadWeights(Encoder, encoderPart, path);
    }

    private float Forward(BertBatch batch, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int b = batch.BatchSize, h = Encoder.Config.HiddenSize;
        if (labels.Length != b) throw new ArgumentException($"{labels.Length} labels for a batch of {b}.", nameof(labels));
        for (int i = 0; i < b; i++)
            if ((uint)labels[i] >= (uint)NumLabels) throw new ArgumentException($"labels[{i}] = {labels[i]} is outside 0..{NumLabels - 1}.", nameof(labels));

        var pooled = Encoder.Forward(batch, dropout: true, recordForBackward: true, pooledOnly: true).PooledOutput.Span;
        LayerActivations.Grow(ref _dropMask, b * h);
        LayerActivations.Grow(ref _dropped, b * h);
        LayerActivations.Grow(ref _logits, b * NumLabels);
        var mask = _dropMask.AsSpan(0, b * h);
        var dropped = _dropped.AsSpan(0, b * h);
        if (Encoder.Config.HiddenDropoutProb > 0f) DropoutKernels.FillMask(Encoder.DropoutGenerator, Encoder.Config.HiddenDropoutProb, mask);
        else mask.Fill(1f);
        TensorPrimitives.Multiply(pooled, mask, dropped);
        var logits = _logits.AsSpan(0, b * NumLabels);
        LinearKernels.Forward(dropped, b, h, _weight.Of(Head.Values), _bias.Of(Head.Values), logits);
        _labels = labels;
        return CrossEntropy.SoftmaxInPlace(logits, b, NumLabels, labels);
    }

    private void Backward()
    {
        var labels = _labels ?? throw new InvalidOperationException("Backward needs a preceding training forward.");
        int b = labels.Length, h = Encoder.Config.HiddenSize;
        // _logits now holds the softmax probabilities: dlogits = (p − onehot) / B.
        var dLogits = _logits.AsSpan(0, b * NumLabels);
        for (int i = 0; i < b; i++) dLogits[i * NumLabels + labels[i]] -= 1f;
        TensorPrimitives.Multiply(dLogits, 1f / b, dLogits);
        var dPooled = new float[b * h];
        LinearKernels.Backward(_dropped.AsSpan(0, b * h), dLogits, b, h, _weight.Of(Head.Values), _weight.Of(Head.Grads), _bias.Of(Head.Grads), dPooled);
        TensorPrimitives.Multiply(dPooled, _dropMask.AsSpan(0, b * h), dPooled);
        _labels = null;
        Encoder.Backward(default, dPooled);
    }
}
