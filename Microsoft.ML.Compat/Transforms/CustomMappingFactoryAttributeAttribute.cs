namespace Microsoft.ML.Transforms;

/// <summary>Names the contract a <see cref="CustomMappingFactory{TSrc, TDst}"/> provides the mapping for.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class CustomMappingFactoryAttributeAttribute : Attribute
{
    public CustomMappingFactoryAttributeAttribute(string contractName)
    {
        ArgumentException.ThrowIfNullOrEmpty(contractName);
        ContractName = contractName;
    }

    public string ContractName { get; }
}
