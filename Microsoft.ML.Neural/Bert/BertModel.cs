namespace Microsoft.ML.Neural.Bert;

/// <summary>The BERT encoder of Hugging Face transformers' BertModel: word + position + token-type
/// embeddings, layer norm and dropout; L post-layer-norm transformer layers with padding-masked
/// multi-head self-attention and an exact-GELU feed-forward; and a tanh pooler on the [CLS] token.
/// Parameters carry transformers' names (embeddings.word_embeddings.weight, encoder.layer.0.attention.self.query.weight,
/// pooler.dense.weight, …) so checkpoints map one to one (see <see cref="BertCheckpoint"/>).</summary>
/// <remarks>Forward and backward are hand-fused kernels over one flat parameter buffer; gradients
/// accumulate into <see cref="ParameterTable.Grads"/>. Word-embedding rows that no token touched
/// keep a zero gradient without being written (<see cref="TouchedWordRows"/>). Not thread-safe:
/// one forward/backward at a time per model.</remarks>
public sealed class BertModel
{
    private readonly BertEmbeddingWeights _embeddings;
    private readonly BertLayerWeights[] _layers;
    private readonly ParameterSlice _poolerWeight, _poolerBias;
    private readonly BertActivations _acts = new();
    private BertBatch? _recorded;
    private bool _recordedDropout, _recordedPooledOnly;

    /// <summary>A model of <paramref name="config"/>'s sizes with all parameters zero; use
    /// <see cref="Create"/> for BERT's random initialisation or <see cref="BertCheckpoint"/> to load weights.</summary>
    public BertModel(BertConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        _embeddings = BertEmbeddingWeights.Register(Parameters, config);
        _layers = new BertLayerWeights[config.NumHiddenLayers];
        for (int l = 0; l < _layers.Length; l++)
            _layers[l] = BertLayerWeights.Register(Parameters, l, config.HiddenSize, config.IntermediateSize);
        _poolerWeight = Parameters.Add("pooler.dense.weight", config.HiddenSize, config.HiddenSize);
        _poolerBias = Parameters.Add("pooler.dense.bias", config.HiddenSize);
        TouchedWordRows = new bool[config.VocabSize];
        DropoutGenerator = new Generator(0);
    }

    /// <summary>A randomly initialised model as transformers initialises BERT: weights and embeddings
    /// normal(0, initializer_range), the padding token's embedding row, biases and layer-norm shifts 0,
    /// layer-norm scales 1. The same seed gives the same weights; dropout draws from seed + 1.</summary>
    public static BertModel Create(BertConfig config, ulong seed)
    {
        var model = new BertModel(config) { DropoutGenerator = new Generator(seed + 1) };
        var values = model.Parameters.Values;
        var generator = new Generator(seed);
        foreach (var slice in model.Parameters.Slices)
        {
            var v = slice.Of(values);
            if (slice.Name.Contains("LayerNorm.weight", StringComparison.Ordinal)) v.Fill(1f);
            else if (slice.Shape.Length == 2) generator.FillNormal(v, 0f, config.InitializerRange);
            else v.Clear();
        }
        if (config.PadTokenId >= 0 && config.PadTokenId < config.VocabSize)
            model._embeddings.Word.Of(values).Slice(config.PadTokenId * config.HiddenSize, config.HiddenSize).Clear();
        return model;
    }

    public BertConfig Config { get; }

    /// <summary>All parameters under transformers' names (without the "bert." prefix).</summary>
    public ParameterTable Parameters { get; } = new();

    /// <summary>Draws the dropout masks of training passes.</summary>
    public Generator DropoutGenerator { get; set; }

    /// <summary>Rows of the word-embedding gradient that hold a value since the last <see cref="ZeroGrad"/>;
    /// all other rows are zero.</summary>
    public bool[] TouchedWordRows { get; }

    /// <summary>The word-embedding table's place in <see cref="Parameters"/>.</summary>
    public ParameterSlice WordEmbeddings => _embeddings.Word;

    /// <summary>Runs the encoder. With <paramref name="dropout"/> the training-mode dropouts are drawn
    /// from <see cref="DropoutGenerator"/>; with <paramref name="recordForBackward"/> the activations
    /// that <see cref="Backward"/> needs are kept. With <paramref name="pooledOnly"/> only what the pooled
    /// output depends on is computed: the last layer's outputs for the [CLS] positions (keys and values
    /// still span every token), and <see cref="BertOutput.LastHiddenState"/> is empty.</summary>
    public BertOutput Forward(BertBatch batch, bool dropout = false, bool recordForBackward = false, bool pooledOnly = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate(Config);
        int n = batch.Tokens, h = Config.HiddenSize;
        var pass = MakePass(batch, dropout, recordForBackward);
        Prepare(batch, pass, pooledOnly);
        var values = Parameters.Values;

        ReadOnlySpan<float> x = EmbeddingsForward(batch, pass);
        for (int l = 0; l < _layers.Length; l++)
        {
            var acts = _acts.Layers[recordForBackward ? l : 0];
            var layerPass = LayerPass(pass, l, pooledOnly);
            var output = _acts.Outputs[recordForBackward ? l : l % 2].AsSpan(0, layerPass.Rows * h);
            BertLayerBlock.Forward(layerPass, _layers[l], values, x, _acts.KeyMask.AsSpan(0, n), acts, output);
            x = output;
        }

        // Pooler: tanh(W·h[CLS] + b) on each sequence's first token (the only rows left when pooledOnly).
        int batchSize = batch.BatchSize, t = batch.SequenceLength;
        var cls = _acts.Cls.AsSpan(0, batchSize * h);
        int clsStride = pooledOnly ? h : t * h;
        for (int b = 0; b < batchSize; b++) x.Slice(b * clsStride, h).CopyTo(cls.Slice(b * h, h));
        var pooled = _acts.Pooled.AsSpan(0, batchSize * h);
        LinearKernels.Forward(cls, batchSize, h, _poolerWeight.Of(values), _poolerBias.Of(values), pooled);
        TensorPrimitives.Tanh(pooled, pooled);

        _recorded = recordForBackward ? batch : null;
        _recordedDropout = dropout;
        _recordedPooledOnly = pooledOnly;
        var last = _acts.Outputs[recordForBackward ? _layers.Length - 1 : (_layers.Length - 1) % 2];
        return new BertOutput(pooledOnly ? ReadOnlyMemory<float>.Empty : last.AsMemory(0, n * h), _acts.Pooled.AsMemory(0, batchSize * h));
    }

    /// <summary>The pooled output [B, H] as a <see cref="Tensor"/>, so that a head written with tensor ops
    /// can sit on the encoder. When <paramref name="training"/> (and grad is enabled) dropout is on and the
    /// result is a leaf requiring grad whose hook, when the head's loss runs Backward, back-propagates the
    /// gradient reaching it through the encoder into <see cref="ParameterTable.Grads"/> (step those with
    /// <see cref="FusedAdamW"/>). Only the most recent training call can be back-propagated.</summary>
    public Tensor PooledTensor(BertBatch batch, bool training)
    {
        bool record = training && Autograd.IsGradEnabled;
        var output = Forward(batch, dropout: training, recordForBackward: record, pooledOnly: true);
        var pooled = Tensor.FromArray(output.PooledOutput.ToArray(), batch.BatchSize, Config.HiddenSize);
        if (!record) return pooled;
        pooled.RequiresGrad = true;
        pooled.RegisterHook(gradient =>
        {
            if (!ReferenceEquals(_recorded, batch))
                throw new InvalidOperationException("PooledTensor: the encoder ran another forward pass since this tensor was computed; only the latest one can be back-propagated.");
            Backward(default, gradient.Contiguous().AsReadOnlySpan());
            return gradient;
        });
        return pooled;
    }

    /// <summary>Back-propagates the gradients of the last forward pass's outputs (which must have been
    /// recorded) and accumulates the parameter gradients into <see cref="ParameterTable.Grads"/>.
    /// <paramref name="dLastHidden"/> may be empty when the loss uses only the pooled output.</summary>
    public void Backward(ReadOnlySpan<float> dLastHidden, ReadOnlySpan<float> dPooled)
    {
        var batch = _recorded ?? throw new InvalidOperationException("Backward needs a preceding Forward with recordForBackward: true.");
        int n = batch.Tokens, h = Config.HiddenSize, batchSize = batch.BatchSize, t = batch.SequenceLength;
        if (_recordedPooledOnly && !dLastHidden.IsEmpty)
            throw new ArgumentException("The forward pass computed only the pooled output (pooledOnly), so dLastHidden must be empty.", nameof(dLastHidden));
        if (!dLastHidden.IsEmpty && dLastHidden.Length != n * h)
            throw new ArgumentException($"dLastHidden has {dLastHidden.Length} values but the last hidden state has {n * h}.", nameof(dLastHidden));
        if (dPooled.Length != batchSize * h)
            throw new ArgumentException($"dPooled has {dPooled.Length} values but the pooled output has {batchSize * h}.", nameof(dPooled));
        var pass = MakePass(batch, _recordedDropout, record: true);
        var values = Parameters.Values;
        var grads = Parameters.Grads;

        // The last layer's output rows: all tokens, or only the [CLS] ones when pooledOnly.
        int lastRows = _recordedPooledOnly ? batchSize : n, clsStride = _recordedPooledOnly ? h : t * h;
        var dOut = _acts.GradOut.AsSpan(0, lastRows * h);
        if (dLastHidden.IsEmpty) dOut.Clear(); else dLastHidden.CopyTo(dOut);

        // Pooler: dz = dpooled·(1 − pooled²); d(h[CLS]) = dz·W.
        var dz = new float[batchSize * h];
        var pooled = _acts.Pooled.AsSpan(0, batchSize * h);
        TensorPrimitives.Multiply(pooled, pooled, dz);
        TensorPrimitives.Subtract(1f, dz, dz);
        TensorPrimitives.Multiply(dz, dPooled, dz);
        var dCls = new float[batchSize * h];
        LinearKernels.Backward(_acts.Cls.AsSpan(0, batchSize * h), dz, batchSize, h, _poolerWeight.Of(values),
            _poolerWeight.Of(grads), _poolerBias.Of(grads), dCls);
        for (int b = 0; b < batchSize; b++)
        {
            var row = dOut.Slice(b * clsStride, h);
            TensorPrimitives.Add(row, dCls.AsSpan(b * h, h), row);
        }

        // Each layer reads its output gradient from one buffer and writes its input gradient to the other.
        float[] outBuffer = _acts.GradOut, inBuffer = _acts.GradIn;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            ReadOnlySpan<float> x = l == 0 ? EmbeddingOutput(n * h) : _acts.Outputs[l - 1].AsSpan(0, n * h);
            BertLayerBlock.Backward(LayerPass(pass, l, _recordedPooledOnly), _layers[l], values, grads, x, _acts.Layers[l],
                dOut, inBuffer.AsSpan(0, n * h), _acts);
            (outBuffer, inBuffer) = (inBuffer, outBuffer);
            dOut = outBuffer.AsSpan(0, n * h);
        }
        EmbeddingsBackward(batch, pass, dOut);
    }

    /// <summary>Clears the gradients; in the word-embedding table only the rows that were touched.</summary>
    public void ZeroGrad()
    {
        var grads = Parameters.Grads;
        int h = Config.HiddenSize;
        var word = _embeddings.Word;
        grads.AsSpan(0, word.Offset).Clear();
        grads.AsSpan(word.Offset + word.Count).Clear();
        var wordGrads = word.Of(grads);
        for (int row = 0; row < TouchedWordRows.Length; row++)
        {
            if (!TouchedWordRows[row]) continue;
            wordGrads.Slice(row * h, h).Clear();
            TouchedWordRows[row] = false;
        }
    }

    private BertLayerBlock.Pass MakePass(BertBatch batch, bool dropout, bool record)
    {
        var c = Config;
        return new BertLayerBlock.Pass(new AttentionShape(batch.BatchSize, batch.SequenceLength, c.NumAttentionHeads, c.HeadSize),
            c.IntermediateSize, c.LayerNormEps, dropout ? DropoutGenerator : null, c.AttentionProbsDropoutProb, c.HiddenDropoutProb, record);
    }

    /// <summary>The pass of layer <paramref name="layer"/>: the last one runs for the [CLS] positions only when pooledOnly.</summary>
    private BertLayerBlock.Pass LayerPass(in BertLayerBlock.Pass pass, int layer, bool pooledOnly) =>
        pooledOnly && layer == _layers.Length - 1 ? pass.WithQueries(1) : pass;

    private void Prepare(BertBatch batch, in BertLayerBlock.Pass pass, bool pooledOnly)
    {
        int n = batch.Tokens, h = Config.HiddenSize;
        bool dropout = pass.Dropout is not null;
        int layerSets = pass.Record ? _layers.Length : 1;
        while (_acts.Layers.Count < layerSets) _acts.Layers.Add(new LayerActivations());
        for (int l = 0; l < layerSets; l++)
        {
            // Inference shares one set across layers, so it is sized for a full layer.
            var layerPass = pass.Record ? LayerPass(pass, l, pooledOnly) : pass;
            _acts.Layers[l].Ensure(n, layerPass.Rows, h, Config.IntermediateSize, layerPass.Probs, pass.Record, dropout);
        }
        while (_acts.Outputs.Count < Math.Max(2, _layers.Length)) _acts.Outputs.Add([]);
        for (int l = 0; l < _acts.Outputs.Count; l++)
        {
            var o = _acts.Outputs[l];
            LayerActivations.Grow(ref o, n * h);
            _acts.Outputs[l] = o;
        }
        LayerActivations.Grow(ref _acts.EmbeddingSum, n * h);
        LayerActivations.Grow(ref _acts.EmbeddingNorm, n * h);
        LayerActivations.Grow(ref _acts.KeyMask, n);
        LayerActivations.Grow(ref _acts.Cls, batch.BatchSize * h);
        LayerActivations.Grow(ref _acts.Pooled, batch.BatchSize * h);
        if (pass.Record)
        {
            LayerActivations.Grow(ref _acts.EmbeddingXHat, n * h);
            LayerActivations.Grow(ref _acts.EmbeddingRstd, n);
            LayerActivations.Grow(ref _acts.GradA, n * h);
            LayerActivations.Grow(ref _acts.GradB, n * h);
            LayerActivations.Grow(ref _acts.GradC, n * h);
            LayerActivations.Grow(ref _acts.GradOut, n * h);
            LayerActivations.Grow(ref _acts.GradIn, n * h);
            LayerActivations.Grow(ref _acts.GradIntermediate, n * Config.IntermediateSize);
            LayerActivations.Grow(ref _acts.GradQkv, n * 3 * h);
        }
        if (dropout)
        {
            LayerActivations.Grow(ref _acts.EmbeddingDrop, n * h);
            LayerActivations.Grow(ref _acts.EmbeddingOut, n * h);
        }
        for (int i = 0; i < n; i++) _acts.KeyMask[i] = batch.AttentionMask[i];
    }

    private ReadOnlySpan<float> EmbeddingOutput(int length) =>
        (_recordedDropout ? _acts.EmbeddingOut : _acts.EmbeddingNorm).AsSpan(0, length);

    private ReadOnlySpan<float> EmbeddingsForward(BertBatch batch, in BertLayerBlock.Pass pass)
    {
        var c = Config;
        int n = batch.Tokens, h = c.HiddenSize, t = batch.SequenceLength;
        var values = Parameters.Values;
        var word = _embeddings.Word.Of(values);
        var position = _embeddings.Position.Of(values);
        var type = _embeddings.TokenType.Of(values);
        var sum = _acts.EmbeddingSum.AsSpan(0, n * h);
        for (int i = 0; i < n; i++)
        {
            var row = sum.Slice(i * h, h);
            TensorPrimitives.Add(word.Slice(batch.InputIds[i] * h, h), position.Slice(i % t * h, h), row);
            TensorPrimitives.Add(row, type.Slice(batch.TokenTypeIds[i] * h, h), row);
        }
        var norm = _acts.EmbeddingNorm.AsSpan(0, n * h);
        LayerNormKernels.Forward(sum, n, h, _embeddings.NormWeight.Of(values), _embeddings.NormBias.Of(values), c.LayerNormEps, norm,
            pass.Record ? _acts.EmbeddingXHat.AsSpan(0, n * h) : default, pass.Record ? _acts.EmbeddingRstd.AsSpan(0, n) : default);
        if (pass.Dropout is null || c.HiddenDropoutProb <= 0f)
        {
            if (pass.Dropout is not null) norm.CopyTo(_acts.EmbeddingOut);
            return norm;
        }
        var mask = _acts.EmbeddingDrop.AsSpan(0, n * h);
        DropoutKernels.FillMask(pass.Dropout, c.HiddenDropoutProb, mask);
        var output = _acts.EmbeddingOut.AsSpan(0, n * h);
        TensorPrimitives.Multiply(norm, mask, output);
        return output;
    }

    private void EmbeddingsBackward(BertBatch batch, in BertLayerBlock.Pass pass, ReadOnlySpan<float> dOut)
    {
        var c = Config;
        int n = batch.Tokens, h = c.HiddenSize, t = batch.SequenceLength;
        var values = Parameters.Values;
        var grads = Parameters.Grads;
        ReadOnlySpan<float> dNorm = BertLayerBlock.DropoutBackward(pass, dOut, _acts.EmbeddingDrop, _acts.GradB.AsSpan(0, n * h));
        var dSum = _acts.GradA.AsSpan(0, n * h);
        LayerNormKernels.Backward(dNorm, _acts.EmbeddingXHat.AsSpan(0, n * h), _acts.EmbeddingRstd.AsSpan(0, n), n, h,
            _embeddings.NormWeight.Of(values), _embeddings.NormWeight.Of(grads), _embeddings.NormBias.Of(grads), dSum);

        var word = _embeddings.Word.Of(grads);
        var position = _embeddings.Position.Of(grads);
        var type = _embeddings.TokenType.Of(grads);
        for (int i = 0; i < n; i++)
        {
            var d = dSum.Slice(i * h, h);
            int id = batch.InputIds[i];
            // transformers builds the word table with padding_idx = pad_token_id: the padding row gets no gradient.
            if (id != c.PadTokenId)
            {
                var wordRow = word.Slice(id * h, h);
                if (TouchedWordRows[id]) TensorPrimitives.Add(wordRow, d, wordRow);
                else d.CopyTo(wordRow);
                TouchedWordRows[id] = true;
            }
            var positionRow = position.Slice(i % t * h, h);
            TensorPrimitives.Add(positionRow, d, positionRow);
            var typeRow = type.Slice(batch.TokenTypeIds[i] * h, h);
            TensorPrimitives.Add(typeRow, d, typeRow);
        }
    }
}
