namespace Microsoft.ML;

/// <summary>Reads the current row's value into a caller-owned slot, so buffers (e.g. VBuffer arrays) can be reused.</summary>
public delegate void ValueGetter<TValue>(ref TValue value);
