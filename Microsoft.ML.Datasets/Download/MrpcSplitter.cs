using System.Text;

namespace Microsoft.ML.Datasets;

/// <summary>GLUE's construction of MRPC's train.tsv/dev.tsv/test.tsv from the original corpus files.</summary>
internal static class MrpcSplitter
{
    private const string TestHeader = "index\t#1 ID\t#2 ID\t#1 String\t#2 String";

    /// <summary>
    /// Rows of <paramref name="trainSource"/> whose (#1 ID, #2 ID) pair is listed in <paramref name="devIds"/>
    /// go to dev.tsv, the rest to train.tsv, both under the source's header and with a UTF-8 byte-order
    /// mark as in GLUE's files; test.tsv gets the test rows with a 0-based index in place of the label.
    /// Each row is trimmed and must have 5 tab-separated fields.
    /// </summary>
    public static void Split(string trainSource, string testSource, string devIds, string outputFolder)
    {
        var dev = new HashSet<(string, string)>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(devIds))
        {
            lineNumber++;
            string[] ids = line.Trim().Split('\t');
            if (ids.Length != 2)
                throw new InvalidDataException($"'{devIds}' line {lineNumber}: expected 2 tab-separated ids, found {ids.Length} fields.");
            dev.Add((ids[0], ids[1]));
        }

        var withBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        using (var train = new StreamWriter(Path.Combine(outputFolder, "train.tsv"), false, withBom) { NewLine = "\n" })
        using (var devOut = new StreamWriter(Path.Combine(outputFolder, "dev.tsv"), false, withBom) { NewLine = "\n" })
        {
            var rows = Rows(trainSource, out string header);
            train.WriteLine(header);
            devOut.WriteLine(header);
            foreach (var fields in rows)
                (dev.Contains((fields[1], fields[2])) ? devOut : train).WriteLine(string.Join('\t', fields));
        }

        using var test = new StreamWriter(Path.Combine(outputFolder, "test.tsv"), false, new UTF8Encoding(false)) { NewLine = "\n" };
        test.WriteLine(TestHeader);
        int index = 0;
        foreach (var fields in Rows(testSource, out _))
            test.WriteLine($"{index++}\t{fields[1]}\t{fields[2]}\t{fields[3]}\t{fields[4]}");
    }

    private static IEnumerable<string[]> Rows(string path, out string header)
    {
        var lines = File.ReadLines(path).GetEnumerator();
        header = lines.MoveNext() ? lines.Current : throw new InvalidDataException($"'{path}' is empty; expected a header line.");
        return Remaining(lines, path);
    }

    private static IEnumerable<string[]> Remaining(IEnumerator<string> lines, string path)
    {
        using (lines)
        {
            int lineNumber = 1;
            while (lines.MoveNext())
            {
                lineNumber++;
                string[] fields = lines.Current.Trim().Split('\t');
                if (fields.Length != 5)
                    throw new InvalidDataException($"'{path}' line {lineNumber}: expected 5 tab-separated fields, found {fields.Length}.");
                yield return fields;
            }
        }
    }
}
