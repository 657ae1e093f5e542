namespace Microsoft.ML.Runtime;

/// <summary>A registered component: named, with its own random source, logging through the context.</summary>
internal sealed class Host : IHost
{
    private readonly MLContext _context;

    public Host(MLContext context, string name, Random rand)
    {
        _context = context;
        Name = name;
        Rand = rand;
    }

    public string Name { get; }
    public Random Rand { get; }

    /// <summary>The context this host was registered with.</summary>
    internal MLContext Context => _context;

    public IHost Register(string name, int? seed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new Host(_context, Name + "; " + name, new Random(seed ?? Rand.Next()));
    }

    public IChannel Start(string name) => new Channel(_context, Name + "; " + name);

    public IProgressChannel StartProgressChannel(string name) => new ProgressChannel(_context, Name + "; " + name);

    public void CheckAlive() => _context.CheckAlive();
}

/// <summary>Forwards messages to <see cref="MLContext.Log"/> under a fixed source name.</summary>
internal sealed class Channel : IChannel
{
    private readonly MLContext _context;
    private readonly string _source;

    public Channel(MLContext context, string source)
    {
        _context = context;
        _source = source;
    }

    public void Trace(string message) => _context.WriteLog(ChannelMessageKind.Trace, _source, message);
    public void Info(string message) => _context.WriteLog(ChannelMessageKind.Info, _source, message);
    public void Warning(string message) => _context.WriteLog(ChannelMessageKind.Warning, _source, message);
    public void Error(string message) => _context.WriteLog(ChannelMessageKind.Error, _source, message);

    public void Dispose() { }
}
