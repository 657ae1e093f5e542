using System.Text.Json;

namespace Microsoft.ML.Neural.Bert;

/// <summary>The sizes and hyper-parameters of a BERT encoder, as in a Hugging Face <c>config.json</c>.</summary>
public sealed record BertConfig
{
    public int VocabSize { get; init; } = 30522;
    public int HiddenSize { get; init; } = 768;
    public int NumHiddenLayers { get; init; } = 12;
    public int NumAttentionHeads { get; init; } = 12;
    public int IntermediateSize { get; init; } = 3072;
    public int MaxPositionEmbeddings { get; init; } = 512;
    public int TypeVocabSize { get; init; } = 2;
    public float HiddenDropoutProb { get; init; } = 0.1f;
    public float AttentionProbsDropoutProb { get; init; } = 0.1f;
    public float LayerNormEps { get; init; } = 1e-12f;
    public float InitializerRange { get; init; } = 0.02f;
    public int PadTokenId { get; init; }

    /// <summary>Width of one attention head.</summary>
    public int HeadSize => HiddenSize / NumAttentionHeads;

    /// <summary>The named sizes of the BERT miniatures and BERT-Base: tiny, mini, small, medium, base.</summary>
    public static IReadOnlyList<string> SizeNames { get; } = ["tiny", "mini", "small", "medium", "base"];

    /// <summary>A configuration of a named size (<see cref="SizeNames"/>), with BERT's vocabulary,
    /// 512 positions and dropout 0.1.</summary>
    public static BertConfig Named(string size) => size switch
    {
        "tiny" => Sized(2, 128, 2, 512),
        "mini" => Sized(4, 256, 4, 1024),
        "small" => Sized(4, 512, 8, 2048),
        "medium" => Sized(8, 512, 8, 2048),
        "base" => Sized(12, 768, 12, 3072),
        _ => throw new ArgumentException($"Unknown BERT size '{size}'; expected one of {string.Join(", ", SizeNames)}.", nameof(size)),
    };

    private static BertConfig Sized(int layers, int hidden, int heads, int intermediate) => new()
    {
        NumHiddenLayers = layers, HiddenSize = hidden, NumAttentionHeads = heads, IntermediateSize = intermediate,
    };

    /// <summary>Reads a Hugging Face BERT <c>config.json</c>. Fields it lacks keep BERT-Base's defaults;
    /// an activation other than exact GELU or an inconsistent size throws naming the file and field.</summary>
    public static BertConfig FromJsonFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}: the configuration is not a JSON object.");
            var d = new BertConfig();
            var config = new BertConfig
            {
                VocabSize = Int(path, root, "vocab_size", d.VocabSize),
                HiddenSize = Int(path, root, "hidden_size", d.HiddenSize),
                NumHiddenLayers = Int(path, root, "num_hidden_layers", d.NumHiddenLayers),
                NumAttentionHeads = Int(path, root, "num_attention_heads", d.NumAttentionHeads),
                IntermediateSize = Int(path, root, "intermediate_size", d.IntermediateSize),
                MaxPositionEmbeddings = Int(path, root, "max_position_embeddings", d.MaxPositionEmbeddings),
                TypeVocabSize = Int(path, root, "type_vocab_size", d.TypeVocabSize),
                HiddenDropoutProb = Float(path, root, "hidden_dropout_prob", d.HiddenDropoutProb),
                AttentionProbsDropoutProb = Float(path, root, "attention_probs_dropout_prob", d.AttentionProbsDropoutProb),
                LayerNormEps = Float(path, root, "layer_norm_eps", d.LayerNormEps),
                InitializerRange = Float(path, root, "initializer_range", d.InitializerRange),
                PadTokenId = Int(path, root, "pad_token_id", d.PadTokenId),
            };
            if (root.TryGetProperty("hidden_act", out var act) && act.GetString() != "gelu")
                throw new InvalidDataException($"{path}: hidden_act '{act}' is not supported; only \"gelu\" (exact erf GELU) is.");
            try
            {
                config.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{path}: {ex.Message}", ex);
            }
            return config;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when sizes are not positive,
    /// the hidden size does not split into heads, or a probability is outside [0, 1).</summary>
    public void Validate()
    {
        Positive(VocabSize, "vocab_size"); Positive(HiddenSize, "hidden_size"); Positive(NumHiddenLayers, "num_hidden_layers");
        Positive(NumAttentionHeads, "num_attention_heads"); Positive(IntermediateSize, "intermediate_size");
        Positive(MaxPositionEmbeddings, "max_position_embeddings"); Positive(TypeVocabSize, "type_vocab_size");
        if (HiddenSize % NumAttentionHeads != 0)
            throw new ArgumentException($"hidden_size {HiddenSize} is not a multiple of num_attention_heads {NumAttentionHeads}.");
        Probability(HiddenDropoutProb, "hidden_dropout_prob");
        Probability(AttentionProbsDropoutProb, "attention_probs_dropout_prob");
        if (!(LayerNormEps > 0)) throw new ArgumentException($"layer_norm_eps must be positive, not {LayerNormEps}.");
    }

    private static void Positive(int value, string field)
    {
        if (value <= 0) throw new ArgumentException($"{field} must be positive, not {value}.");
    }

    private static void Probability(float p, string field)
    {
        if (!(p >= 0f && p < 1f)) throw new ArgumentException($"{field} must be in [0, 1), not {p}.");
    }

    private static int Int(string path, JsonElement root, string field, int fallback)
    {
        if (!root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return fallback;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) ? v
            : throw new InvalidDataException($"{path}: {field} must be an integer, not {e.GetRawText()}.");
    }

    private static float Float(string path, JsonElement root, string field, float fallback)
    {
        if (!root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return fallback;
        return e.ValueKind == JsonValueKind.Number ? e.GetSingle()
            : throw new InvalidDataException($"{path}: {field} must be a number, not {e.GetRawText()}.");
    }
}
