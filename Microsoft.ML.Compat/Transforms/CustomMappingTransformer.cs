using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Appends the members of <typeparamref name="TDst"/> as columns, computed by a user action from the input
/// columns named like the members of <typeparamref name="TSrc"/>. As in ML.NET, one source and one destination
/// object are reused per cursor, and a saved model stores only the contract name: loading it needs a
/// <see cref="CustomMappingFactory{TSrc, TDst}"/> for that contract registered in <c>mlContext.ComponentCatalog</c>.
/// </summary>
public sealed class CustomMappingTransformer<TSrc, TDst> : RowToRowTransformerBase, ILoadableModel<CustomMappingTransformer<TSrc, TDst>>
    where TSrc : class, new()
    where TDst : class, new()
{
    private const int Version = 1;

    internal CustomMappingTransformer(Action<TSrc, TDst> mapAction, string? contractName)
    {
        MapAction = mapAction ?? throw new ArgumentNullException(nameof(mapAction));
        ContractName = contractName;
    }

    internal Action<TSrc, TDst> MapAction { get; }
    internal string? ContractName { get; }

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    public override void Save(ModelSaveContext ctx)
    {
        if (string.IsNullOrEmpty(ContractName))
            throw new InvalidOperationException(
                $"The CustomMapping from {typeof(TSrc).Name} to {typeof(TDst).Name} has no contract name, so it cannot be saved; pass contractName to CustomMapping.");
        ctx.WriteVersion(Version);
        ctx.Writer.Write(ContractName);
    }

    public static CustomMappingTransformer<TSrc, TDst> Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(Version);
        string contractName = ctx.Reader.ReadString();
        var factoryType = ctx.Context.ComponentCatalog.FindCustomMappingFactory(contractName)
            ?? throw ctx.Error($"Unable to locate an extension for the contract '{contractName}'. Ensure you have called " +
                $"ComponentCatalog.RegisterAssembly with the Assembly that contains a class decorated with a '{typeof(CustomMappingFactoryAttributeAttribute).FullName}'");
        if (Activator.CreateInstance(factoryType) is not ICustomMappingFactory factory || factory.GetMapping() is not Action<TSrc, TDst> action)
            throw ctx.Error($"{factoryType.Name}, the factory for contract '{contractName}', must derive from CustomMappingFactory<{typeof(TSrc).Name}, {typeof(TDst).Name}> and have a public parameterless constructor");
        return new CustomMappingTransformer<TSrc, TDst>(action, contractName);
    }

    private sealed class Mapper : RowColumnMapper
    {
        private static readonly MethodInfo WrapMethod = typeof(Mapper).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!;

        private readonly CustomMappingTransformer<TSrc, TDst> _parent;
        private readonly PocoBinder<TSrc> _inputs;
        private readonly PocoSchema<TDst> _outputs = PocoSchema<TDst>.FromType();

        // The output getters of one input row (cursor) share one mapped object.
        private readonly ConditionalWeakTable<DataViewRow, MappedRow> _rows = new();

        public Mapper(CustomMappingTransformer<TSrc, TDst> parent, DataViewSchema inputSchema) : base(inputSchema)
        {
            _parent = parent;
            _inputs = new PocoBinder<TSrc>(inputSchema, ignoreMissingColumns: false);
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
            _outputs.Schema.Select(c => new DataViewSchema.DetachedColumn(c)).ToArray();

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            Enumerable.Range(0, _outputs.Schema.Count).Any(activeOutput) ? _inputs.Columns : Enumerable.Empty<DataViewSchema.Column>();

        protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput)
        {
            var row = _rows.GetValue(input, r => new MappedRow(r, _inputs.MakeFiller(r, reuse: true), _parent.MapAction));
            var member = _outputs.Columns[outputIndex].MakeGetter(row.Holder);
            return (Delegate)WrapMethod.MakeGenericMethod(_outputs.Schema[outputIndex].Type.RawType).Invoke(null, new object[] { row, member })!;
        }

        private static ValueGetter<T> Wrap<T>(MappedRow row, Delegate member)
        {
            var read = (ValueGetter<T>)member;
            return (ref T value) =>
            {
                row.Update();
                read(ref value);
            };
        }
    }

    /// <summary>Runs the mapping once per input row position and holds the result for the output getters.</summary>
    private sealed class MappedRow
    {
        private readonly DataViewRow _input;
        private readonly Action<TSrc> _fill;
        private readonly Action<TSrc, TDst> _map;
        private readonly TSrc _source = new();
        private long _position = -1;

        public MappedRow(DataViewRow input, Action<TSrc> fill, Action<TSrc, TDst> map)
        {
            _input = input;
            _fill = fill;
            _map = map;
        }

        public RowHolder<TDst> Holder { get; } = new() { Current = new TDst() };

        public void Update()
        {
            if (_input.Position == _position)
                return;
            _fill(_source);
            _map(_source, Holder.Current!);
            _position = _input.Position;
        }
    }
}
