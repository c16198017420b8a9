namespace AlertWorker.Matching;

/// <summary>Splits a query into tokens. Upper-case <c>OR</c>, <c>NOT</c>, <c>AND</c> are operators.</summary>
internal static class QueryLexer
{
    /// <summary>Tokenises <paramref name="query"/>; the last token is <see cref="QueryTokenKind.End"/>.</summary>
    /// <exception cref="QueryParseException">A phrase has no closing quote.</exception>
    public static List<QueryToken> Lex(string query)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (true)
        {
            while (i < query.Length && char.IsWhiteSpace(query[i]))
            {
                i++;
            }

            if (i >= query.Length)
            {
                tokens.Add(new QueryToken(QueryTokenKind.End, "", query.Length, query.Length));
                return tokens;
            }

            var c = query[i];
            if (c == '(' || c == ')')
            {
                var kind = c == '(' ? QueryTokenKind.LeftParen : QueryTokenKind.RightParen;
                tokens.Add(new QueryToken(kind, c.ToString(), i, i + 1));
                i++;
            }
            else if (CharClass.IsDoubleQuote(c))
            {
                var close = i + 1;
                while (close < query.Length && !CharClass.IsDoubleQuote(query[close]))
                {
                    close++;
                }

                if (close >= query.Length)
                {
                    throw QueryParser.Error(query, query.Length, "expected '\"' to close the phrase");
                }

                tokens.Add(new QueryToken(QueryTokenKind.Phrase, query[(i + 1)..close], i, close + 1));
                i = close + 1;
            }
            else if (CharClass.IsDash(c) && (i + 1 == query.Length || char.IsWhiteSpace(query[i + 1])))
            {
                // A dash standing alone ("israel – hamas", pasted from a headline) is punctuation, not an exclusion:
                // only a dash right before a term or group excludes it.
                i++;
            }
            else if (CharClass.IsDash(c))
            {
                tokens.Add(new QueryToken(QueryTokenKind.Minus, "-", i, i + 1));
                i++;
            }
            else
            {
                tokens.Add(LexWord(query, i));
                i = tokens[^1].End;
            }
        }
    }

    private static QueryToken LexWord(string query, int start)
    {
        var i = start;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c) || c == '(' || c == ')' || CharClass.IsDoubleQuote(c))
            {
                break;
            }

            if (c == ':' && i > start && IsAsciiLetters(query.AsSpan(start, i - start)))
            {
                return new QueryToken(QueryTokenKind.Field, query[start..i], start, i + 1);
            }

            i++;
        }

        var text = query[start..i];
        var kind = text switch
        {
            "OR" => QueryTokenKind.Or,
            "NOT" => QueryTokenKind.Not,
            "AND" => QueryTokenKind.And,
            _ => QueryTokenKind.Word,
        };
        return new QueryToken(kind, text, start, i);
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
