using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>A transformer produced by a trainer, exposing the trained model.</summary>
public interface IPredictionTransformer<out TModel> : ITransformer
{
    TModel Model { get; }
}

/// <summary>A prediction transformer that reads one feature column.</summary>
public interface ISingleFeaturePredictionTransformer<out TModel> : IPredictionTransformer<TModel>
{
    string FeatureColumnName { get; }
    DataViewType FeatureColumnType { get; }
}

/// <summary>An estimator that trains a model.</summary>
public interface ITrainerEstimator<out TTransformer, out TModel> : IEstimator<TTransformer>
    where TTransformer : IPredictionTransformer<TModel>
{
    TrainerInfo Info { get; }
}
