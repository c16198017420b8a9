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
                    return ParseWord(token.Text, token.Start, null);
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
                ? ParseWord(term.Text, term.Start, field)
                : ParsePhrase(term, field);
        }

        /// <summary>
        /// A word of the query: one <see cref="WordNode"/>, or a <see cref="PhraseNode"/> when punctuation other
        /// than a dash or an apostrophe joins its parts (<c>U.S.</c> means the words <c>u s</c> in a row, never
        /// <c>us</c>).
        /// </summary>
        private QueryNode ParseWord(string text, int position, MatchField? field)
        {
            var words = WordsOf(text, position);
            return words.Count switch
            {
                0 => throw Error(query, position, "expected a word (letters or digits)"),
                1 => new WordNode(words[0], field),
                _ => new PhraseNode(new ValueList<QueryWord>(words), field),
            };
        }

        private PhraseNode ParsePhrase(QueryToken token, MatchField? field)
        {
            var words = WordsOf(token.Text, token.Start + 1);
            if (words.Count == 0)
            {
                throw Error(query, token.Start, "expected a word inside the quotes");
            }

            return new PhraseNode(new ValueList<QueryWord>(words), field);
        }

        /// <summary>
        /// The words of a query word or phrase text starting at <paramref name="position"/> of the query. Parts joined
        /// by a dash or an apostrophe make one compound word (<c>cease-fire</c>); any other separator starts a new
        /// word. A <c>*</c> makes the word before it a prefix, and may only end a word.
        /// </summary>
        private List<QueryWord> WordsOf(string text, int position)
        {
            var words = new List<QueryWord>();
            var tokens = TextNormalizer.Tokenize(text);
            var parts = new List<string>();
            for (var t = 0; t < tokens.Count; t++)
            {
                parts.Add(tokens[t].Text);
                var gapEnd = t + 1 < tokens.Count ? tokens[t + 1].Start : text.Length;
                // Parts of one run (a ligature that normalises to two words) share their span: no gap between them.
                var gap = text.AsSpan(tokens[t].End, Math.Max(0, gapEnd - tokens[t].End));
                var star = gap.IndexOf('*');
                if (star > 0 || gap.LastIndexOf('*') > star || (star == 0 && (gap.Length > 1 ? !char.IsWhiteSpace(gap[1]) : t + 1 < tokens.Count)))
                {
                    throw Error(query, position + tokens[t].End + Math.Max(star, 0), "a '*' may only end a word");
                }

                if (star < 0 && t + 1 < tokens.Count && (gap.IsEmpty || IsJoiner(gap)))
                {
                    continue;
                }

                words.Add(new QueryWord(new ValueList<string>(parts), IsPrefix: star == 0));
                parts = [];
            }

            var leadingStar = text.IndexOf('*');
            if (leadingStar >= 0 && tokens.Count > 0 && leadingStar < tokens[0].Start)
            {
                throw Error(query, position + leadingStar, "a '*' may only end a word");
            }

            return words;
        }

        /// <summary>Whether the text between two parts joins them into one word: only dashes and apostrophes do.</summary>
        private static bool IsJoiner(ReadOnlySpan<char> gap)
        {
            foreach (var c in gap)
            {
                if (!CharClass.IsDash(c) && !CharClass.IsApostrophe(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
