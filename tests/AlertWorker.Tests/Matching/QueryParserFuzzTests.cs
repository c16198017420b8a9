using System.Text;
using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

public sealed class QueryParserFuzzTests
{
    private static readonly string[] Alphabet =
    [
        "a", "b", "cease-fire", "x*", "OR", "NOT", "AND", "or", "-", "(", ")", "\"", "“", "”", "*", "title:",
        "category:", "nope:", " ", " ", " ", "\u2013", "\u2011", "’s", "é", "\u00AD", ":", "\n",
    ];

    [Fact]
    public void RandomQueriesEitherParseAndRoundTripOrFailWithAParseError()
    {
        var random = new Random(20240611);
        var document = TestItem.Parse("a b cease fire | summary=x title b a | category=a");
        var parsed = 0;
        for (var iteration = 0; iteration < 5000; iteration++)
        {
            var query = RandomQuery(random);
            QueryNode node;
            try
            {
                node = QueryParser.Parse(query);
            }
            catch (QueryParseException error)
            {
                Assert.InRange(error.Line, 1, query.Length + 1);
                Assert.InRange(error.Column, 1, query.Length + 1);
                continue;
            }

            parsed++;
            var printed = node.ToString();
            var reparsed = QueryParser.Parse(printed);
            Assert.True(node.Equals(reparsed), $"'{query}' printed as '{printed}' reparsed as '{reparsed}'");
            Assert.Equal(node.GetHashCode(), reparsed.GetHashCode());
            Assert.Equal(printed, reparsed.ToString());
            _ = CompiledQuery.Compile(printed).Match(document);
        }

        Assert.InRange(parsed, 500, 5000);
    }

    private static string RandomQuery(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(1, 12);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }
}
