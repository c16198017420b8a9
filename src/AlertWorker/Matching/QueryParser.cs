namespace AlertWorker.Matching;

/// <summary>
/// Parses the topic query language.
/// </summary>
/// <remarks>
/// Grammar (lowest precedence first): <c>query := and</c>; <c>and := or+</c> (juxtaposition, optionally with
/// <c>AND</c>); <c>or := unary ("OR" unary)*</c>; <c>unary := ("-" | "NOT") primary | primary</c>;
/// <c>primary := "(" and ")" | [field ":"] (word | word* | "phrase")</c>. <c>OR</c>, <c>NOT</c> and <c>AND</c> are
/// operators only in upper case. A query, a group and every OR alternative must include at least one term that
/// is not an exclusion.
/// </remarks>
public static class QueryParser
{
    private const int MaxDepth = 64;

    /// <summary>Parses <paramref name="query"/> into its canonical tree.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="QueryParseException">The query is not valid; the exception names the position.</exception>
    public static QueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parser = new Parser(query, QueryLexer.Lex(query));
        return parser.ParseQuery();
    }

    internal static QueryParseException Error(string query, int offset, string reason)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < query.Length; i++)
        {
            if (query[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new QueryParseException(line, offset - lineStart + 1, reason);
    }

    private static bool IsPositive(QueryNode node) => node switch
    {
        NotNode => false,
        AndNode and => and.Children.Any(IsPositive),
        OrNode or => or.Children.All(IsPositive),
        _ => true,
    };

    private sealed class Parser(string query, List<QueryToken> tokens)
    {
        private int _index;

        private QueryToken Current => tokens[_index];

        public QueryNode ParseQuery()
        {
            if (Current.Kind == QueryTokenKind.End)
            {
                throw Error(query, Current.Start, "expected a term");
            }

            var node = ParseAnd(0);
            if (Current.Kind != QueryTokenKind.End)
            {
                throw Error(query, Current.Start, $"expected end of query, found '{Current.Text}'");
            }

            if (!IsPositive(node))
            {
                throw Error(query, 0, "expected at least one term that is not an exclusion");
            }

            return node;
        }

        private QueryNode ParseAnd(int depth)
        {
            var children = new List<QueryNode>();
            while (Current.Kind is not (QueryTokenKind.End or QueryTokenKind.RightParen))
            {
                if (Current.Kind == QueryTokenKind.And)
                {
                    var and = Current;
                    if (children.Count == 0)
                    {
                        throw Error(query, and.Start, "expected a term before 'AND'");
                    }

                    _index++;
                    if (Current.Kind is QueryTokenKind.End or QueryTokenKind.RightParen or QueryTokenKind.Or
                        or QueryTokenKind.And)
                    {
                        throw Error(query, Current.Start, "expected a term after 'AND'");
                    }
                }

                if (Current.Kind == QueryTokenKind.Or)
                {
                    throw Error(query, Current.Start, "expected a term before 'OR'");
                }

                var node = ParseOr(depth);
                if (node is AndNode inner)
                {
                    children.AddRange(inner.Children);
                }
                else
                {
                    children.Add(node);
                }
            }

            if (children.Count == 0)
            {
                throw Error(query, Current.Start, "expected a term");
            }

            return children.Count == 1 ? children[0] : new AndNode(new ValueList<QueryNode>(children));
        }

        private QueryNode ParseOr(int depth)
        {
            var start = Current.Start;
            var first = ParseUnary(depth);
            if (Current.Kind != QueryTokenKind.Or)
            {
                return first;
            }

            var children = new List<QueryNode>();
            Add(first, start);
            while (Current.Kind == QueryTokenKind.Or)
            {
                _index++;
                if (Current.Kind is QueryTokenKind.End or QueryTokenKind.RightParen or QueryTokenKind.Or
                    or QueryTokenKind.And)
                {
                    throw Error(query, Current.Start, "expected a term after 'OR'");
                }

                start = Current.Start;
                Add(ParseUnary(depth), start);
            }

            return new OrNode(new ValueList<QueryNode>(children));

            void Add(QueryNode node, int position)
            {
                if (!IsPositive(node))
                {
                    throw Error(query, position,
                        "expected a term that is not an exclusion as an OR alternative (write -(a OR b) to exclude both)");
                }

                if (node is OrNode inner)
                {
                    children.AddRange(inner.Children);
                }
                else
                {
                    children.Add(node);
                }
            }
        }

        private QueryNode ParseUnary(int depth)
        {
            if (Current.Kind is not (QueryTokenKind.Minus or QueryTokenKind.Not))
            {
                return ParsePrimary(depth);
            }

            var op = Current;
            _index++;
            if (Current.Kind is not (QueryTokenKind.Word or QueryTokenKind.Phrase or QueryTokenKind.Field
                or QueryTokenKind.LeftParen))
            {
                throw Error(query, Current.Start, $"expected a term after '{op.Text}'");
            }

            return new NotNode(ParsePrimary(depth));
        }

        private QueryNode ParsePrimary(int depth)
        {
            var token = Current;
            switch (token.Kind)
            {
                case QueryTokenKind.LeftParen:
                    return ParseGroup(depth);
                case QueryTokenKind.Word:
                    _index++;
                    return new WordNode(ParseWord(token.Text, token.Start), null);
                case QueryTokenKind.Phrase:
                    _index++;
                    return ParsePhrase(token, null);
                case QueryTokenKind.Field:
                    return ParseScoped(token);
                default:
                    throw Error(query, token.Start, "expected a term");
            }
        }

        private QueryNode ParseGroup(int depth)
        {
            var open = Current;
            if (depth >= MaxDepth)
            {
                throw Error(query, open.Start, $"expected at most {MaxDepth} nested parentheses");
            }

            _index++;
            if (Current.Kind == QueryTokenKind.RightParen)
            {
                throw Error(query, Current.Start, "expected a term inside the parentheses");
            }

            var node = ParseAnd(depth + 1);
            if (Current.Kind != QueryTokenKind.RightParen)
            {
                throw Error(query, Current.Start, "expected ')'");
            }

            _index++;
            if (!IsPositive(node))
            {
                throw Error(query, open.Start,
                    "expected a term that is not an exclusion inside the parentheses (exclude the group instead: -(…))");
            }

            return node;
        }

        private QueryNode ParseScoped(QueryToken fieldToken)
        {
            if (!MatchFieldNames.TryParse(fieldToken.Text, out var field))
            {
                throw Error(query, fieldToken.Start,
                    $"expected a field name ({string.Join(", ", MatchFieldNames.All)}), found '{fieldToken.Text}'");
            }

            _index++;
            var term = Current;
            if (term.Start != fieldToken.End || term.Kind is not (QueryTokenKind.Word or QueryTokenKind.Phrase))
            {
                throw Error(query, fieldToken.End,
                    $"expected a word or phrase right after '{MatchFieldNames.ToName(field)}:'");
            }

            _index++;
            return term.Kind == QueryTokenKind.Word
                ? new WordNode(ParseWord(term.Text, term.Start), field)
                : ParsePhrase(term, field);
        }

        private QueryWord ParseWord(string text, int position)
        {
            var word = TryParseWord(text);
            return word ?? throw Error(query, position, "expected a word (letters or digits)");
        }

        private PhraseNode ParsePhrase(QueryToken token, MatchField? field)
        {
            var words = new List<QueryWord>();
            foreach (var chunk in token.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (TryParseWord(chunk) is { } word)
                {
                    words.Add(word);
                }
            }

            if (words.Count == 0)
            {
                throw Error(query, token.Start, "expected a word inside the quotes");
            }

            return new PhraseNode(new ValueList<QueryWord>(words), field);
        }

        private static QueryWord? TryParseWord(string text)
        {
            var isPrefix = text.EndsWith('*');
            var body = isPrefix ? text[..^1] : text;
            var parts = TextNormalizer.Tokenize(body);
            return parts.Count == 0 ? null : new QueryWord(new ValueList<string>(parts.Select(p => p.Text)), isPrefix);
        }
    }
}
