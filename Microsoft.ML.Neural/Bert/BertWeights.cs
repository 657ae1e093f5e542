namespace Microsoft.ML.Neural.Bert;

/// <summary>Where one encoder layer's parameters sit in the model's <see cref="ParameterTable"/>.
/// Query, key and value weights (and biases) are adjacent, so together they are one [3H, H]
/// projection: <see cref="QkvWeight"/> and <see cref="QkvBias"/> span all three.</summary>
internal sealed record BertLayerWeights(
    ParameterSlice QkvWeight, ParameterSlice QkvBias,
    ParameterSlice OutputWeight, ParameterSlice OutputBias, ParameterSlice AttentionNormWeight, ParameterSlice AttentionNormBias,
    ParameterSlice IntermediateWeight, ParameterSlice IntermediateBias, ParameterSlice FfnOutputWeight, ParameterSlice FfnOutputBias,
    ParameterSlice OutputNormWeight, ParameterSlice OutputNormBias)
{
    /// <summary>Adds layer <paramref name="index"/>'s parameters to <paramref name="table"/> under the
    /// names of Hugging Face transformers (encoder.layer.N.attention.self.query.weight, …).</summary>
    public static BertLayerWeights Register(ParameterTable table, int index, int hidden, int intermediate)
    {
        string p = $"encoder.layer.{index}.";
        var q = table.Add(p + "attention.self.query.weight", hidden, hidden);
        table.Add(p + "attention.self.key.weight", hidden, hidden);
        table.Add(p + "attention.self.value.weight", hidden, hidden);
        var qb = table.Add(p + "attention.self.query.bias", hidden);
        table.Add(p + "attention.self.key.bias", hidden);
        table.Add(p + "attention.self.value.bias", hidden);
        return new BertLayerWeights(
            new ParameterSlice(p + "attention.self.qkv.weight", [3 * hidden, hidden], q.Offset, 3 * q.Count),
            new ParameterSlice(p + "attention.self.qkv.bias", [3 * hidden], qb.Offset, 3 * qb.Count),
            table.Add(p + "attention.output.dense.weight", hidden, hidden),
            table.Add(p + "attention.output.dense.bias", hidden),
            table.Add(p + "attention.output.LayerNorm.weight", hidden),
            table.Add(p + "attention.output.LayerNorm.bias", hidden),
            table.Add(p + "intermediate.dense.weight", intermediate, hidden),
            table.Add(p + "intermediate.dense.bias", intermediate),
            table.Add(p + "output.dense.weight", hidden, intermediate),
            table.Add(p + "output.dense.bias", hidden),
            table.Add(p + "output.LayerNorm.weight", hidden),
            table.Add(p + "output.LayerNorm.bias", hidden));
    }
}

/// <summary>Where the embedding tables, their layer norm and the pooler sit in the parameter table.</summary>
internal sealed record BertEmbeddingWeights(ParameterSlice Word, ParameterSlice Position, ParameterSlice TokenType,
    ParameterSlice NormWeight, ParameterSlice NormBias)
{
    public static BertEmbeddingWeights Register(ParameterTable table, BertConfig c) => new(
        table.Add("embeddings.word_embeddings.weight", c.VocabSize, c.HiddenSize),
        table.Add("embeddings.position_embeddings.weight", c.MaxPositionEmbeddings, c.HiddenSize),
        table.Add("embeddings.token_type_embeddings.weight", c.TypeVocabSize, c.HiddenSize),
        table.Add("embeddings.LayerNorm.weight", c.HiddenSize),
        table.Add("embeddings.LayerNorm.bias", c.HiddenSize));
}
