using System.Globalization;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.BpSom.Tests;

/// <summary>A Hugging Face-style folder with a tiny random BERT (2 layers, hidden 32, 2 heads) over a 30-word vocabulary, written once
/// per test run to a temporary folder, so the text classifier's tests train in milliseconds through the real checkpoint path.</summary>
internal static class TinyBert
{
    public static readonly string[] PositiveWords = ["good", "great", "fun", "lovely", "superb"];
    public static readonly string[] NegativeWords = ["bad", "awful", "boring", "dull", "poor"];
    public static readonly string[] FillerWords = ["the", "movie", "film", "was", "very", "plot", "actors", "quite", "and", "story"];

    private static readonly Lazy<string> WithoutDropout = new(() => Write(0f));
    private static readonly Lazy<string> WithDropout = new(() => Write(0.1f));

    /// <summary>The folder; <paramref name="dropout"/> sets the encoder's hidden and attention dropout (0 or 0.1).</summary>
    public static string Folder(bool dropout = true) => dropout ? WithDropout.Value : WithoutDropout.Value;

    public static string[] Vocabulary => ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. PositiveWords, .. NegativeWords, .. FillerWords];

    private static string Write(float dropout)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"bpsom-tiny-bert-{Environment.ProcessId}-{(dropout > 0 ? "dropout" : "plain")}");
        Directory.CreateDirectory(folder);
        var config = new BertConfig
        {
            VocabSize = Vocabulary.Length, HiddenSize = 32, NumHiddenLayers = 2, NumAttentionHeads = 2, IntermediateSize = 64,
            MaxPositionEmbeddings = 32, HiddenDropoutProb = dropout, AttentionProbsDropoutProb = dropout,
        };
        File.WriteAllText(Path.Combine(folder, BertCheckpoint.ConfigFile), string.Create(CultureInfo.InvariantCulture,
            $$"""
            {"vocab_size": {{config.VocabSize}}, "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 64,
             "max_position_embeddings": 32, "hidden_dropout_prob": {{dropout}}, "attention_probs_dropout_prob": {{dropout}}, "hidden_act": "gelu"}
            """));
        File.WriteAllLines(Path.Combine(folder, "vocab.txt"), Vocabulary);
        BertCheckpoint.Save(BertModel.Create(config, seed: 11), Path.Combine(folder, BertCheckpoint.SafetensorsFile));
        return folder;
    }
}
