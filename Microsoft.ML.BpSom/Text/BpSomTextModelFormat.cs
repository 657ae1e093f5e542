using Microsoft.ML.Neural;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.BpSom;

/// <summary>The binary layout of a <see cref="BpSomTextModelParameters"/> inside a model file: the BERT configuration and weights,
/// the vocabulary (so the model needs no files beside it), the head, the SOM with its labels, and the history.</summary>
internal static class BpSomTextModelFormat
{
    /// <summary>2: the history carries a SOM snapshot per epoch; version 1 files (without) still load.</summary>
    private const int FormatVersion = 2;

    public static void Write(ModelSaveContext ctx, BpSomTextModelParameters model)
    {
        ctx.WriteVersion(FormatVersion);
        var writer = ctx.Writer;
        var network = model.Network;
        WriteConfig(writer, network.Encoder.Config);
        writer.WriteFloatArray(network.Encoder.Parameters.Values);
        writer.WriteStringArray(network.TextEncoder.Vocabulary);
        writer.Write(network.TextEncoder.MaxSequenceLength);
        writer.Write(network.ClassCount);
        writer.Write(model.IsBinary);
        writer.Write(model.SecondSentenceColumnName ?? "");
        writer.Write(network.Dropout);
        writer.Write(network.HiddenSize);
        foreach (var parameter in network.HeadParameters) writer.WriteFloatArray(parameter.AsReadOnlySpan());
        SomFormat.WriteMap(writer, network.Map);
        BpSomHistoryFormat.Write(writer, model.History);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; inconsistent content becomes an error naming the model file.</summary>
    public static BpSomTextModelParameters Read(ModelLoadContext ctx)
    {
        int version = ctx.ReadVersion(FormatVersion);
        var reader = ctx.Reader;
        try
        {
            var encoder = new BertModel(ReadConfig(reader));
            var values = reader.ReadFloatArray();
            if (values.Length != encoder.Parameters.Length)
                throw ctx.Error($"the encoder has {values.Length} weights but its configuration needs {encoder.Parameters.Length}");
            values.CopyTo(encoder.Parameters.Values, 0);
            var textEncoder = new TextBatchEncoder(reader.ReadStringArray(), reader.ReadInt32());
            int classes = reader.ReadInt32();
            bool isBinary = reader.ReadBoolean();
            string second = reader.ReadString();
            float dropout = reader.ReadSingle();
            int hidden = reader.ReadInt32(), width = encoder.Config.HiddenSize;
            var hiddenWeight = Tensor.FromArray(reader.ReadFloatArray(), hidden, width);
            var hiddenBias = Tensor.FromArray(reader.ReadFloatArray(), hidden);
            var outputWeight = Tensor.FromArray(reader.ReadFloatArray(), classes, hidden);
            var outputBias = Tensor.FromArray(reader.ReadFloatArray(), classes);
            var map = SomFormat.ReadMap(ctx, "the SOM");
            var network = new BpSomTextNetwork(encoder, textEncoder, classes, dropout, hiddenWeight, hiddenBias, outputWeight, outputBias, map);
            return new BpSomTextModelParameters(network, second.Length == 0 ? null : second, isBinary, BpSomHistoryFormat.ReadText(ctx, version));
        }
        catch (ArgumentException e)
        {
            throw ctx.Error($"inconsistent BP-SOM text model: {e.Message}");
        }
    }

    private static void WriteConfig(BinaryWriter writer, BertConfig c)
    {
        foreach (int value in new[] { c.VocabSize, c.HiddenSize, c.NumHiddenLayers, c.NumAttentionHeads, c.IntermediateSize,
                     c.MaxPositionEmbeddings, c.TypeVocabSize, c.PadTokenId })
            writer.Write(value);
        foreach (float value in new[] { c.HiddenDropoutProb, c.AttentionProbsDropoutProb, c.LayerNormEps, c.InitializerRange })
            writer.Write(value);
    }

    private static BertConfig ReadConfig(BinaryReader reader)
    {
        var sizes = Enumerable.Range(0, 8).Select(_ => reader.ReadInt32()).ToArray();
        var rates = Enumerable.Range(0, 4).Select(_ => reader.ReadSingle()).ToArray();
        return new BertConfig
        {
            VocabSize = sizes[0], HiddenSize = sizes[1], NumHiddenLayers = sizes[2], NumAttentionHeads = sizes[3], IntermediateSize = sizes[4],
            MaxPositionEmbeddings = sizes[5], TypeVocabSize = sizes[6], PadTokenId = sizes[7],
            HiddenDropoutProb = rates[0], AttentionProbsDropoutProb = rates[1], LayerNormEps = rates[2], InitializerRange = rates[3],
        };
    }
}
