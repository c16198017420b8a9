using AlertWorker.Matching;
using BenchmarkDotNet.Attributes;

namespace AlertWorker.Benchmarks;

/// <summary>Matching one item (title + 2 KB summary) against 10,000 topics, and its building blocks.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MatchingBenchmarks
{
    private const int TopicCount = 10_000;

    private List<(string Topic, string Query)> _topics = [];
    private TopicMatcher _matcher = null!;
    private MatchDocument _document = null!;
    private string _summary = "";

    [GlobalSetup]
    public void Setup()
    {
        _topics = BenchmarkData.Topics(TopicCount);
        _summary = BenchmarkData.Summary();
        _matcher = new TopicMatcher(_topics);
        _document = MatchDocument.FromFields(BenchmarkData.Title, _summary, author: "Staff", categories: ["World"]);
    }

    /// <summary>One item against 10,000 topics (document already built).</summary>
    [Benchmark]
    public int MatchItemAgainstTenThousandTopics() => _matcher.Match(_document).Count;

    /// <summary>Building the document of one item: HTML to text, normalising, tokenising, indexing.</summary>
    [Benchmark]
    public MatchDocument BuildMatchDocument() =>
        MatchDocument.FromFields(BenchmarkData.Title, _summary, author: "Staff", categories: ["World"]);

    /// <summary>Parsing and compiling 10,000 topics into a matcher.</summary>
    [Benchmark]
    public TopicMatcher CompileTenThousandTopics() => new(_topics);
}
