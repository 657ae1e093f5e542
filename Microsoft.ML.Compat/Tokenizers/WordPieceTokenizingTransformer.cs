using System.Runtime.CompilerServices;
using Microsoft.ML.Data;

namespace Microsoft.ML.Tokenizers;

/// <summary>
/// Appends BERT model inputs computed from one or two text columns: token ids
/// (<c>[CLS] a [SEP]</c> or <c>[CLS] a [SEP] b [SEP]</c>, padded with [PAD]), the attention mask and the
/// token type ids, each a Vector&lt;Int32, MaxSequenceLength&gt;. Pairs are truncated longest-first.
/// Rows are tokenized lazily, once per row however many of the three columns are read.
/// Made by <c>mlContext.Transforms.Text.TokenizeIntoWordPieceIds(...)</c>.
/// </summary>
public sealed class WordPieceTokenizingTransformer : RowToRowTransformerBase, ILoadableModel<WordPieceTokenizingTransformer>
{
    private const int Version = 1;

    internal WordPieceTokenizingTransformer(BertTokenizer tokenizer, WordPieceColumns columns)
    {
        Tokenizer = tokenizer;
        Columns = columns;
    }

    public BertTokenizer Tokenizer { get; }

    internal WordPieceColumns Columns { get; }

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    public override void Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.WriteVersion(Version);
        Columns.Write(ctx.Writer);
        BertTokenizerFormat.Write(ctx.Writer, Tokenizer);
    }

    public static WordPieceTokenizingTransformer Load(ModelLoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.ReadVersion(Version);
        var columns = WordPieceColumns.Read(ctx.Reader);
        return new WordPieceTokenizingTransformer(BertTokenizerFormat.Read(ctx.Reader), columns);
    }

    private sealed class Mapper : RowColumnMapper
    {
        private readonly WordPieceTokenizingTransformer _parent;
        private readonly DataViewSchema.Column _sentence1;
        private readonly DataViewSchema.Column? _sentence2;
        // The three output getters of one cursor share one tokenization per row.
        private readonly ConditionalWeakTable<DataViewRow, EncodedRow> _rows = new();

        public Mapper(WordPieceTokenizingTransformer parent, DataViewSchema inputSchema) : base(inputSchema)
        {
            _parent = parent;
            _sentence1 = ColumnChecks.FindColumn(inputSchema, parent.Columns.Sentence1, TextDataViewType.Instance);
            if (parent.Columns.Sentence2 is { } second)
                _sentence2 = ColumnChecks.FindColumn(inputSchema, second, TextDataViewType.Instance);
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns()
        {
            var type = new VectorDataViewType(NumberDataViewType.Int32, _parent.Columns.MaxSequenceLength);
            return _parent.Columns.OutputNames.Select(name => new DataViewSchema.DetachedColumn(name, type)).ToArray();
        }

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            _sentence2 is { } second ? [_sentence1, second] : [_sentence1];

        protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput)
        {
            var row = _rows.GetValue(input, r => new EncodedRow(_parent, r, _sentence1, _sentence2));
            return (ValueGetter<VBuffer<int>>)((ref VBuffer<int> value) =>
            {
                var source = row.Output(outputIndex);
                var editor = VBufferEditor.Create(ref value, source.Length);
                source.CopyTo(editor.Values);
                value = editor.Commit();
            });
        }
    }

    /// <summary>The encoding of the current row of one cursor, computed when first asked for.</summary>
    private sealed class EncodedRow
    {
        private readonly BertTokenizer _tokenizer;
        private readonly DataViewRow _input;
        private readonly ValueGetter<ReadOnlyMemory<char>> _sentence1;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _sentence2;
        private readonly int[][] _outputs;
        private long _position = -1;
        private ReadOnlyMemory<char> _text1, _text2;

        public EncodedRow(WordPieceTokenizingTransformer parent, DataViewRow input, DataViewSchema.Column sentence1, DataViewSchema.Column? sentence2)
        {
            _tokenizer = parent.Tokenizer;
            _input = input;
            _sentence1 = input.GetGetter<ReadOnlyMemory<char>>(sentence1);
            _sentence2 = sentence2 is { } second ? input.GetGetter<ReadOnlyMemory<char>>(second) : null;
            int length = parent.Columns.MaxSequenceLength;
            _outputs = [new int[length], new int[length], new int[length]];
        }

        /// <summary>Output 0: input ids, 1: attention mask, 2: token type ids.</summary>
        public ReadOnlySpan<int> Output(int index)
        {
            if (_position != _input.Position)
            {
                _sentence1(ref _text1);
                if (_sentence2 is null)
                {
                    _tokenizer.EncodeToFixedLength(_text1.Span, _outputs[0], _outputs[1], _outputs[2]);
                }
                else
                {
                    _sentence2(ref _text2);
                    _tokenizer.EncodeToFixedLength(_text1.Span, _text2.Span, _outputs[0], _outputs[1], _outputs[2]);
                }
                _position = _input.Position;
            }
            return _outputs[index];
        }
    }
}
