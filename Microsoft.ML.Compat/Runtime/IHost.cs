namespace Microsoft.ML.Runtime;

/// <summary>Opens channels for log messages.</summary>
public interface IChannelProvider
{
    /// <summary>Opens a channel; its messages reach <see cref="MLContext.Log"/> with this provider's name and <paramref name="name"/> as source.</summary>
    IChannel Start(string name);
}

/// <summary>Opens progress channels.</summary>
public interface IProgressChannelProvider
{
    /// <summary>Opens a channel for reporting progress of long work (epochs, batches, loss, ETA).</summary>
    IProgressChannel StartProgressChannel(string name);
}

/// <summary>
/// The environment components run in (the <see cref="MLContext"/> is one). Components call
/// <see cref="Register"/> once to get their own <see cref="IHost"/> with a seeded random source.
/// </summary>
public interface IHostEnvironment : IChannelProvider, IProgressChannelProvider
{
    /// <summary>A host for a component called <paramref name="name"/>. Its <see cref="IHost.Rand"/> is derived
    /// from <paramref name="seed"/> when given, else from the environment's seed (deterministic in registration order).</summary>
    IHost Register(string name, int? seed = null);
}

/// <summary>A component's view of the environment: a name, a random source and cancellation.</summary>
public interface IHost : IHostEnvironment
{
    string Name { get; }

    /// <summary>The component's random source; deterministic for a seeded <see cref="MLContext"/>.</summary>
    Random Rand { get; }

    /// <summary>Throws <see cref="OperationCanceledException"/> once <see cref="MLContext.CancelExecution"/> was called.</summary>
    void CheckAlive();
}

/// <summary>Sends log messages of one component activity to <see cref="MLContext.Log"/>.</summary>
public interface IChannel : IDisposable
{
    void Trace(string message);
    void Info(string message);
    void Warning(string message);
    void Error(string message);
}
