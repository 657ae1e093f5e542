using Microsoft.ML.Runtime;

namespace Microsoft.ML;

/// <summary>
/// The entry point: catalogs of operations, a seed for every random draw, and the <see cref="Log"/> event
/// through which components report (nothing is written to the console).
/// </summary>
public sealed class MLContext : IHostEnvironment
{
    private readonly Random _rand;
    private readonly object _randLock = new();
    private volatile bool _cancelled;

    /// <param name="seed">Seed for all random draws; null makes runs nondeterministic.</param>
    public MLContext(int? seed = null)
    {
        Seed = seed;
        _rand = seed is int s ? new Random(s) : new Random();
        Data = new DataOperationsCatalog(this);
        Transforms = new TransformsCatalog(this);
        Model = new ModelOperationsCatalog(this);
        BinaryClassification = new BinaryClassificationCatalog(this);
        MulticlassClassification = new MulticlassClassificationCatalog(this);
        Regression = new RegressionCatalog(this);
    }

    /// <summary>Messages from components. When nobody subscribes, messages are dropped.</summary>
    public event EventHandler<LoggingEventArgs>? Log;

    /// <summary>The seed given to the constructor.</summary>
    public int? Seed { get; }

    public DataOperationsCatalog Data { get; }
    public TransformsCatalog Transforms { get; }
    public ModelOperationsCatalog Model { get; }
    public BinaryClassificationCatalog BinaryClassification { get; }
    public MulticlassClassificationCatalog MulticlassClassification { get; }
    public RegressionCatalog Regression { get; }

    /// <summary>Folder for temporary files and downloads.</summary>
    public string TempFilePath { get; set; } = Path.GetTempPath();

    /// <summary>When a GPU is requested but unavailable, run on the CPU instead of failing.</summary>
    public bool FallbackToCpu { get; set; }

    /// <summary>Index of the GPU to use; null = CPU.</summary>
    public int? GpuDeviceId { get; set; }

    /// <summary>Asks running components to stop; their next <see cref="IHost.CheckAlive"/> throws.</summary>
    public void CancelExecution() => _cancelled = true;

    /// <summary>A component host whose random source is derived from this context's seed, in registration order.</summary>
    public IHost Register(string name, int? seed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new Host(this, name, new Random(seed ?? NextSeed()));
    }

    public IChannel Start(string name) => new Channel(this, name);

    public IProgressChannel StartProgressChannel(string name) => new ProgressChannel(this, name);

    internal int NextSeed()
    {
        lock (_randLock)
            return _rand.Next();
    }

    internal void CheckAlive()
    {
        if (_cancelled)
            throw new OperationCanceledException("MLContext.CancelExecution was called.");
    }

    internal void WriteLog(ChannelMessageKind kind, string source, string message) =>
        Log?.Invoke(this, new LoggingEventArgs(message, kind, source));
}
