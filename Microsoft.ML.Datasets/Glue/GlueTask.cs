namespace Microsoft.ML.Datasets;

/// <summary>The GLUE benchmark tasks (Wang et al. 2018), in their official TSV formats.</summary>
public enum GlueTask
{
    /// <summary>Corpus of Linguistic Acceptability: one sentence, label "0"/"1".</summary>
    Cola,

    /// <summary>Stanford Sentiment Treebank (binary): one sentence, label "0"/"1".</summary>
    Sst2,

    /// <summary>Microsoft Research Paraphrase Corpus: sentence pair, label "0"/"1".</summary>
    Mrpc,

    /// <summary>Quora Question Pairs: question pair, label "0"/"1".</summary>
    Qqp,

    /// <summary>Semantic Textual Similarity Benchmark: sentence pair, similarity score 0–5 (Single).</summary>
    StsB,

    /// <summary>Multi-Genre NLI, matched dev/test sets (same genres as training): premise/hypothesis,
    /// label "entailment"/"neutral"/"contradiction".</summary>
    MnliMatched,

    /// <summary>Multi-Genre NLI, mismatched dev/test sets (other genres); the training set is the same as
    /// <see cref="MnliMatched"/>'s.</summary>
    MnliMismatched,

    /// <summary>Question NLI: question/sentence, label "entailment"/"not_entailment".</summary>
    Qnli,

    /// <summary>Recognizing Textual Entailment: sentence pair, label "entailment"/"not_entailment".</summary>
    Rte,

    /// <summary>Winograd NLI: sentence pair, label "0"/"1".</summary>
    Wnli,
}

/// <summary>Which file of a GLUE task to load. Test sets carry no labels.</summary>
public enum GlueSplit
{
    Train,
    Dev,
    Test,
}
