using System.Text;

namespace AlertWorker.Benchmarks;

/// <summary>Deterministic generated topics and a realistic news item for the benchmarks.</summary>
internal static class BenchmarkData
{
    private static readonly string[] Vocabulary =
    [
        "gaza", "rafah", "hostages", "captives", "truce", "ceasefire", "israel", "hamas", "egypt", "qatar",
        "talks", "negotiators", "aid", "deliveries", "border", "crossing", "prisoner", "exchange", "strike", "army",
        "ukraine", "russia", "kyiv", "moscow", "drone", "energy", "grain", "sanctions", "election", "parliament",
        "minister", "president", "court", "ruling", "protest", "police", "storm", "flood", "earthquake", "wildfire",
        "inflation", "rates", "bank", "market", "oil", "gas", "climate", "summit", "treaty", "vote",
    ];

    public const string Title = "Gaza cease-fire talks resume in Cairo as negotiators seek a prisoner exchange";

    public static string Summary()
    {
        var random = new Random(7);
        var builder = new StringBuilder("<p>Negotiators from Israel&#8217;s government and Hamas met in Cairo on ");
        builder.Append("Tuesday, officials said, as pressure grew for a cease&ndash;fire and aid <em>deliveries</em>.</p>");
        while (builder.Length < 2048)
        {
            builder.Append("<p>");
            for (var i = 0; i < 30; i++)
            {
                builder.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(i % 9 == 8 ? ". " : " ");
                builder.Append(random.Next(4) == 0 ? "the " : "");
            }

            builder.Append("</p>");
        }

        return builder.ToString();
    }

    public static List<(string Topic, string Query)> Topics(int count)
    {
        var random = new Random(11);
        var topics = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            // Mostly rare, made-up words (as real topic lists are mostly about things absent from one item),
            // with common news words mixed in.
            string W() => random.Next(5) == 0 ? Vocabulary[random.Next(Vocabulary.Length)] : $"term{random.Next(20_000)}";
            var query = random.Next(6) switch
            {
                0 => $"{W()} {W()}",
                1 => $"({W()} OR {W()}) {W()} -{W()}",
                2 => $"\"{W()} {W()}\"",
                3 => $"title:{W()} {W()}*",
                4 => $"{W()}-{W()} OR {W()}",
                _ => $"{W()} {W()} OR {W()} NOT sports",
            };
            topics.Add(($"topic{i}", query));
        }

        return topics;
    }
}
