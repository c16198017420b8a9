namespace AlertWorker.Matching;

/// <summary>Interns compiled terms so that equal terms (same words, prefix and field) share one instance and id.</summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, CompiledTerm> _terms = new(StringComparer.Ordinal);

    public int Count => _terms.Count;

    public CompiledTerm Intern(QueryNode leaf) => leaf switch
    {
        WordNode word => Intern(leaf.ToString(), () => new CompiledTerm(_terms.Count, [word.Word], word.Field, word.Term)),
        PhraseNode phrase => Intern(
            leaf.ToString(), () => new CompiledTerm(_terms.Count, phrase.Words, phrase.Field, phrase.Term)),
        _ => throw new ArgumentException($"Not a term: {leaf}", nameof(leaf)),
    };

    private CompiledTerm Intern(string key, Func<CompiledTerm> create)
    {
        if (!_terms.TryGetValue(key, out var term))
        {
            term = create();
            _terms.Add(key, term);
        }

        return term;
    }
}
