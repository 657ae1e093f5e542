using System.Runtime.ExceptionServices;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>Dedicated worker threads for splitting one SGEMM across cores: the caller runs
/// part 0 and one parked worker per other core runs the rest. Cheaper to wake than
/// Parallel.For and allocation-free (work is a function pointer plus a state pointer that
/// stays valid because the caller waits). One call at a time: a concurrent caller is told
/// to run single-threaded instead of queueing.</summary>
internal sealed unsafe class GemmThreadPool
{
    /// <summary>Workers spin this many rounds before sleeping, so back-to-back products
    /// (a training step) find them awake.</summary>
    private const int SpinCount = 1000;

    public static readonly GemmThreadPool Shared = new(Environment.ProcessorCount);

    private readonly object _gate = new();
    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim _done = new(false, SpinCount);
    private delegate*<void*, int, int, void> _work;
    private void* _state;
    private int _parts;
    private int _pending;
    private ExceptionDispatchInfo? _failure;

    private GemmThreadPool(int cores)
    {
        MaxParts = Math.Max(1, cores);
        _start = new ManualResetEventSlim[MaxParts - 1];
        for (int w = 0; w < _start.Length; w++)
        {
            _start[w] = new ManualResetEventSlim(false, SpinCount);
            int part = w + 1;
            new Thread(() => WorkerLoop(part)) { IsBackground = true, Name = $"SGEMM worker {part}" }.Start();
        }
    }

    /// <summary>Most parts a product can be split into (one per core).</summary>
    public int MaxParts { get; }

    /// <summary>Runs <c>work(state, part, parts)</c> for every part in 0..parts-1, part 0 on the
    /// calling thread, and returns when all are done. False (nothing run) when another call
    /// holds the workers.</summary>
    public bool TryRun(delegate*<void*, int, int, void> work, void* state, int parts)
    {
        if (parts < 2 || parts > MaxParts) throw new ArgumentOutOfRangeException(nameof(parts), parts, $"Must be in 2..{MaxParts}.");
        if (!Monitor.TryEnter(_gate)) return false;
        try
        {
            _work = work;
            _state = state;
            _parts = parts;
            _failure = null;
            _pending = parts - 1;
            _done.Reset();
            for (int w = 0; w < parts - 1; w++) _start[w].Set();
            try
            {
                work(state, 0, parts);
            }
            finally
            {
                _done.Wait();
            }
            _failure?.Throw();
            return true;
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void WorkerLoop(int part)
    {
        var start = _start[part - 1];
        while (true)
        {
            start.Wait();
            start.Reset();
            try
            {
                _work(_state, part, _parts);
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            if (Interlocked.Decrement(ref _pending) == 0) _done.Set();
        }
    }
}
