using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Running;

namespace Microsoft.ML.Experiments.Verbs;

/// <summary>One experiment the tool runs: its name on the command line, its settings (flags and YAML keys) and how it runs.</summary>
public abstract class Verb
{
    public abstract string Name { get; }
    public abstract string Description { get; }

    /// <summary>All settings of the verb, the common ones (<see cref="CommonSettings"/>) included.</summary>
    public abstract IReadOnlyList<Setting> Settings { get; }

    public abstract ExperimentSettings CreateSettings();

    /// <summary>Runs the experiment. Cancellation through the context's token ends it early with the trainers that finished
    /// (the outcome says it was cancelled) rather than with an exception.</summary>
    public abstract ExperimentOutcome Run(ExperimentSettings settings, ExperimentContext context);
}

/// <summary>A verb with its own settings type.</summary>
public abstract class Verb<TSettings> : Verb where TSettings : ExperimentSettings, new()
{
    public sealed override ExperimentSettings CreateSettings() => new TSettings();

    public sealed override ExperimentOutcome Run(ExperimentSettings settings, ExperimentContext context) => Run((TSettings)settings, context);

    protected abstract ExperimentOutcome Run(TSettings settings, ExperimentContext context);
}
