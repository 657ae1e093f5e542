namespace Microsoft.ML.Datasets;

/// <summary>
/// Official download locations, sizes and SHA-256 checksums (as recorded by TensorFlow Datasets'
/// url_checksums) of the data sets this library can fetch, and the folder each is kept in, relative to a
/// data root (<c>mnist</c>, <c>fashion-mnist</c>, <c>glue/SST-2</c>, …).
/// </summary>
internal static class KnownFiles
{
    private const string MnistHost = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private const string FashionHost = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private const string GlueHost = "https://dl.fbaipublicfiles.com/glue/data/";
    private const string SentEvalHost = "https://dl.fbaipublicfiles.com/senteval/senteval_data/";

    public static string Folder(MnistVariant variant) => variant switch
    {
        MnistVariant.Mnist => "mnist",
        MnistVariant.FashionMnist => "fashion-mnist",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown MNIST variant."),
    };

    public static string Folder(GlueTask task) => "glue/" + GlueFormat.For(task).Folder;

    /// <summary>The gzipped image and label files of one split.</summary>
    public static RemoteFile[] Mnist(MnistVariant variant, MnistSplit split)
    {
        var (images, labels) = MnistIdx.FileNames(split);
        return [MnistFile(variant, images + ".gz"), MnistFile(variant, labels + ".gz")];
    }

    private static RemoteFile MnistFile(MnistVariant variant, string name) => (variant, name) switch
    {
        (MnistVariant.Mnist, "train-images-idx3-ubyte.gz") => new(name, new Uri(MnistHost + name), 9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
        (MnistVariant.Mnist, "train-labels-idx1-ubyte.gz") => new(name, new Uri(MnistHost + name), 28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
        (MnistVariant.Mnist, "t10k-images-idx3-ubyte.gz") => new(name, new Uri(MnistHost + name), 1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
        (MnistVariant.Mnist, "t10k-labels-idx1-ubyte.gz") => new(name, new Uri(MnistHost + name), 4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
        (MnistVariant.FashionMnist, "train-images-idx3-ubyte.gz") => new(name, new Uri(FashionHost + name), 26421880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
        (MnistVariant.FashionMnist, "train-labels-idx1-ubyte.gz") => new(name, new Uri(FashionHost + name), 29515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
        (MnistVariant.FashionMnist, "t10k-images-idx3-ubyte.gz") => new(name, new Uri(FashionHost + name), 4422102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
        (MnistVariant.FashionMnist, "t10k-labels-idx1-ubyte.gz") => new(name, new Uri(FashionHost + name), 5148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown MNIST file."),
    };

    /// <summary>The zip archive holding all splits of a GLUE task, or null for MRPC, which GLUE builds from
    /// the original corpus files (<see cref="MrpcSources"/>).</summary>
    public static RemoteFile? GlueArchive(GlueTask task) => task switch
    {
        GlueTask.Cola => Glue("CoLA.zip", 376971, "f212fcd832b8f7b435fb991f101abf89f96b933ab400603bf198960dfc32cbff"),
        GlueTask.Sst2 => Glue("SST-2.zip", 7439277, "d67e16fb55739c1b32cdce9877596db1c127dc322d93c082281f64057c16deaa"),
        GlueTask.Qqp => Glue("QQP.zip", 60534884, "67cb8f5fe66c90a0bc1bf5792e3924f63008b064ab7a473736c919d20bb140ad"),
        GlueTask.StsB => Glue("STS-B.zip", 802872, "e60a6393de5a8b5b9bac5020a1554b54e3691f9d600b775bd131e613ac179c85"),
        GlueTask.MnliMatched or GlueTask.MnliMismatched => Glue("MNLI.zip", 312783507, "e7c1d896d26ed6caf700110645df426cc2d8ebf02a5ab743d5a5c68ac1c83633"),
        GlueTask.Qnli => Glue("QNLIv2.zip", 10627589, "e634e78627a29adaecd4f955359b22bf5e70f2cbd93b493f2d624138a0c0e5f5"),
        GlueTask.Rte => Glue("RTE.zip", 697150, "6bf86de103ecd335f3441bd43574d23fef87ecc695977a63b82d5efb206556ee"),
        GlueTask.Wnli => Glue("WNLI.zip", 28999, "ae0e8e4d16f4d46d4a0a566ec7ecceccfd3fbfaa4a7a4b4e02848c0f2561ac46"),
        GlueTask.Mrpc => null,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown GLUE task."),
    };

    /// <summary>MRPC's original training and test files and GLUE's list of dev pairs.</summary>
    public static (RemoteFile Train, RemoteFile Test, RemoteFile DevIds) MrpcSources { get; } = (
        new RemoteFile("msr_paraphrase_train.txt", new Uri(SentEvalHost + "msr_paraphrase_train.txt"), 1047044, "60a9b09084528f0673eedee2b69cb941920f0b8cd0eeccefc464a98768457f89"),
        new RemoteFile("msr_paraphrase_test.txt", new Uri(SentEvalHost + "msr_paraphrase_test.txt"), 441275, "a04e271090879aaba6423d65b94950c089298587d9c084bf9cd7439bd785f784"),
        new RemoteFile("mrpc_dev_ids.tsv", new Uri(GlueHost + "mrpc_dev_ids.tsv"), 6222, "971d7767d81b997fd9060ade0ec23c4fc31cbb226a55d1bd4a1bac474eb81dc7"));

    private static RemoteFile Glue(string name, long size, string sha256) => new(name, new Uri(GlueHost + name), size, sha256);
}
