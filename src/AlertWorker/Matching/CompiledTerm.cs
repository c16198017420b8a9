namespace AlertWorker.Matching;

/// <summary>
/// A word, prefix or phrase term, optionally scoped to a field. Matching starts from the document's token index
/// (hash lookup of the first word, or a binary search for a prefix) and checks the following tokens in place;
/// it never scans the text.
/// </summary>
internal sealed class CompiledTerm : CompiledNode
{
    private const int AllFields = (1 << 5) - 1;

    private readonly CompiledWord[] _words;
    private readonly int _fieldMask;

    public CompiledTerm(int id, IEnumerable<QueryWord> words, MatchField? field, string term)
    {
        Id = id;
        _words = [.. words.Select(w => new CompiledWord(w))];
        _fieldMask = field is { } f ? 1 << (int)f : AllFields;
        Term = term;
    }

    /// <summary>Index of the term in its <see cref="TermTable"/>, for <see cref="TermCache"/>.</summary>
    public int Id { get; }

    /// <summary>The canonical term without field scope, as reported in hits.</summary>
    public string Term { get; }

    public override bool Evaluate(MatchDocument document, TermCache cache)
    {
        if (cache.TryGet(Id, out var known))
        {
            return known;
        }

        var result = Scan(document, null);
        cache.Set(Id, result);
        return result;
    }

    public override void CollectPositiveTerms(List<CompiledTerm> terms)
    {
        if (!terms.Contains(this))
        {
            terms.Add(this);
        }
    }

    public override List<AnchorKey>? Anchors() => [.. _words[0].Anchors()];

    /// <summary>One hit per field the term occurs in (its first occurrence there), in field order.</summary>
    public List<MatchHit> FindHits(MatchDocument document)
    {
        var hits = new List<MatchHit>();
        var best = new TermSpan?[5];
        if (!Scan(document, best))
        {
            return hits;
        }

        for (var field = 0; field < best.Length; field++)
        {
            if (best[field] is { } span)
            {
                var segment = document.Segments[span.Segment];
                var snippet = Snippet.Around(
                    segment.PlainText, segment.Tokens[span.Start].Start, segment.Tokens[span.End - 1].End);
                hits.Add(new MatchHit(MatchFieldNames.ToName((MatchField)field), Term, snippet));
            }
        }

        return hits;
    }

    /// <summary>
    /// Finds matches. With <paramref name="best"/> null, stops at the first; otherwise records the first match per
    /// field in it. Returns whether there was any match.
    /// </summary>
    private bool Scan(MatchDocument document, TermSpan?[]? best)
    {
        var first = _words[0];
        var found = false;
        if (!first.IsCompound)
        {
            return ScanToken(document, first.FirstPart, first.IsPrefix, joined: false, best);
        }

        found |= ScanToken(document, first.FirstPart, prefix: false, joined: false, best);
        if (found && best is null)
        {
            return true;
        }

        found |= ScanToken(document, first.Joined, first.IsPrefix, joined: true, best);
        return found;
    }

    private bool ScanToken(MatchDocument document, string token, bool prefix, bool joined, TermSpan?[]? best)
    {
        if (!prefix)
        {
            return ScanOccurrences(document, document.Lookup(token), joined, best);
        }

        var found = false;
        var (start, end) = document.PrefixRange(token);
        for (var i = start; i < end; i++)
        {
            found |= ScanOccurrences(document, document.Lookup(document.SortedTokens[i]), joined, best);
            if (found && best is null)
            {
                return true;
            }
        }

        return found;
    }

    private bool ScanOccurrences(
        MatchDocument document, IReadOnlyList<Occurrence> occurrences, bool joined, TermSpan?[]? best)
    {
        var found = false;
        for (var i = 0; i < occurrences.Count; i++)
        {
            var occurrence = occurrences[i];
            var segment = document.Segments[occurrence.Segment];
            var field = (int)segment.Field;
            if ((_fieldMask & (1 << field)) == 0)
            {
                continue;
            }

            if (best is not null && best[field] is { } current
                && (current.Segment, current.Start).CompareTo((occurrence.Segment, occurrence.Position)) <= 0)
            {
                continue;
            }

            var end = _words[0].MatchAt(segment, occurrence.Position, joined);
            if (end >= 0)
            {
                end = MatchRest(segment, 1, end);
            }

            if (end < 0)
            {
                continue;
            }

            if (best is null)
            {
                return true;
            }

            found = true;
            best[field] = new TermSpan(occurrence.Segment, occurrence.Position, end);
        }

        return found;
    }

    private int MatchRest(MatchSegment segment, int wordIndex, int position)
    {
        if (wordIndex == _words.Length)
        {
            return position;
        }

        var word = _words[wordIndex];
        var end = word.MatchAt(segment, position, joined: false);
        if (end >= 0 && (end = MatchRest(segment, wordIndex + 1, end)) >= 0)
        {
            return end;
        }

        if (!word.IsCompound)
        {
            return -1;
        }

        end = word.MatchAt(segment, position, joined: true);
        return end >= 0 ? MatchRest(segment, wordIndex + 1, end) : -1;
    }
}
