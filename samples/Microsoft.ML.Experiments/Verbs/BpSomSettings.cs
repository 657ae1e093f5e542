using Microsoft.ML.Experiments.Configuration;

namespace Microsoft.ML.Experiments.Verbs;

/// <summary>The BP-SOM settings both BP-SOM verbs take, with the reference Python port's YAML keys
/// (<c>bpsom.*</c>, <c>pruning.*</c>, <c>training.*</c>). Both trainers' options name these members alike.</summary>
public static class BpSomSettings
{
    public static IEnumerable<Setting> For<TSettings>(Type optionsType, Func<TSettings, object> options) where TSettings : BpSomExperimentSettings =>
    [
        Setting.Of<TSettings, BpSomExperimentSettings>("--mode", nameof(BpSomExperimentSettings.Mode),
            "bpsom (SOM error on), baseline (the same network without it) or both.", s => s),
        Setting.Of<TSettings, BpSomExperimentSettings>("--pruning", nameof(BpSomExperimentSettings.Pruning),
            "Prune hidden units whose activation std is at most --prune-threshold.", s => s, "pruning.enabled"),
        Setting.Of<TSettings>("--prune-threshold", optionsType, "PruneThreshold", "Activation std at or below which a unit is pruned.", options, "pruning.threshold"),
        Setting.Of<TSettings>("--som-grid-size", optionsType, "SomGridSize", "Side D of the D×D SOM.", options, "bpsom.som_grid_size"),
        Setting.Of<TSettings>("--som-error-weight", optionsType, "SomErrorWeight", "α: weight of the SOM error in the hidden layer's error.", options, "bpsom.som_error_weight"),
        Setting.Of<TSettings>("--som-lr-max", optionsType, "SomMaximumLearningRate", "SOM learning rate at the first epoch.", options, "bpsom.som_lr_max"),
        Setting.Of<TSettings>("--som-lr-min", optionsType, "SomMinimumLearningRate", "SOM learning rate at the last epoch.", options, "bpsom.som_lr_min"),
        Setting.Of<TSettings>("--som-radius-max", optionsType, "SomMaximumRadius", "SOM neighbourhood radius at the first epoch.", options, "bpsom.som_context_max"),
        Setting.Of<TSettings>("--som-radius-min", optionsType, "SomMinimumRadius", "SOM neighbourhood radius at the last epoch.", options, "bpsom.som_context_min"),
        Setting.Of<TSettings>("--reliability-threshold", optionsType, "ReliabilityThreshold",
            "Minimum reliability (integer percent) of the class winner for its SOM error to be used.", options,
            YamlKey.FractionAsPercent("bpsom.reliability_threshold")),
        Setting.Of<TSettings>("--neighbourhood-distance", optionsType, "NeighbourhoodDistance", "Grid distance of the SOM neighbourhood.", options),
        Setting.Of<TSettings>("--learning-rate", optionsType, "LearningRate", "Learning rate of the network.", options, "training.learning_rate"),
        Setting.Of<TSettings>("--epochs", optionsType, "NumberOfEpochs", "Maximum number of epochs.", options, "training.num_epochs"),
        Setting.Of<TSettings>("--early-stopping-patience", optionsType, "EarlyStoppingPatience",
            "Epochs without a better validation result before training stops.", options, "training.early_stopping_patience"),
    ];
}
