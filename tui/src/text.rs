//! Words of the terminal interface in French and English. Words about the
//! data itself (statuses, dates, "sources"…) come from `roadmap_core`.

use roadmap_core::{FuzzyDate, Language};

/// A piece of interface text; the table in [`Text::get`] gives its words.
#[allow(missing_docs)] // each variant is named after its words, listed in `get`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    Outline,
    Timeline,
    Detail,
    Dashboard,
    Help,
    HelpClose,
    Search,
    NoMatch,
    Matches,
    Filters,
    FilterHint,
    Statuses,
    Axes,
    Tags,
    ByStatus,
    Mission,
    Missions,
    Milestones,
    ProgressByAxis,
    TooSmall,
    Unknown,
    Today,
    Description,
    Dates,
    Note,
    KeysHint,
    NothingSelected,
    Filtered,
    Approximate,
    SourceFile,
    General,
    Match,
    FewReviews,
    FileInvalid,
    FileRemoved,
    FileReturns,
    NotWatched,
    OneMoreProblem,
    MoreProblems,
    // Key-table descriptions.
    KeyMove,
    KeyPage,
    KeyHalfPage,
    KeyEnds,
    KeyExpand,
    KeyCollapse,
    KeyActivate,
    KeyBack,
    KeyNextPane,
    KeyPrevPane,
    KeyShowPane,
    KeySearch,
    KeyNextMatch,
    KeyPrevMatch,
    KeyFilter,
    KeyClearFilter,
    KeyZoom,
    KeyScroll,
    InHelp,
    KeyPan,
    KeyToday,
    KeyRoadmap,
    KeyHelp,
    KeyQuit,
    KeyToggle,
    KeyMouse,
    // `roadmap serve`.
    ServeTitle,
    ServeListening,
    ServeStop,
    ServeUpdated,
    ServeRefused,
    ServeKept,
    ServeBundled,
    ServeNoWidget,
    ServeNoWidgetPage,
    ServeJsonAt,
    ServeEventsAt,
}

impl Text {
    /// The text in `lang`.
    #[allow(clippy::too_many_lines)] // one flat table reads better than split ones
    pub fn get(self, lang: Language) -> &'static str {
        use Text as T;
        let (fr, en) = match self {
            T::Outline => ("Plan", "Outline"),
            T::Timeline => ("Frise", "Timeline"),
            T::Detail => ("Détail", "Detail"),
            T::Dashboard => ("Tableau de bord", "Dashboard"),
            T::Help => ("Aide — touches", "Help — keys"),
            T::HelpClose => ("? ou Échap pour fermer", "? or Esc to close"),
            T::Search => ("Recherche", "Search"),
            T::NoMatch => ("aucun résultat", "no match"),
            T::Matches => ("résultats", "matches"),
            T::Filters => ("Filtres", "Filters"),
            T::FilterHint => (
                "Espace : cocher · F : tout effacer · Échap : fermer",
                "Space: toggle · F: clear all · Esc: close",
            ),
            T::Statuses => ("Statuts", "Statuses"),
            T::Axes => ("Axes", "Axes"),
            T::Tags => ("Étiquettes", "Tags"),
            T::ByStatus => ("Par statut", "By status"),
            T::Mission => ("mission", "mission"),
            T::Missions => ("missions", "missions"),
            T::Milestones => ("jalons", "milestones"),
            T::ProgressByAxis => ("Avancement par axe", "Progress by axis"),
            T::TooSmall => (
                "Fenêtre trop petite : agrandissez le terminal (40×10 au moins).",
                "Window too small: enlarge the terminal (at least 40×10).",
            ),
            T::Unknown => ("inconnu", "unknown"),
            T::Today => ("aujourd'hui", "today"),
            T::Description => ("Description", "Description"),
            T::Dates => ("Dates", "Dates"),
            T::Note => ("Note", "Note"),
            T::KeysHint => (
                "?: aide  /: chercher  f: filtres  Tab: volet  q: quitter",
                "?: help  /: search  f: filters  Tab: pane  q: quit",
            ),
            T::NothingSelected => ("Rien de sélectionné", "Nothing selected"),
            T::Filtered => ("filtré", "filtered"),
            T::Approximate => ("environ", "about"),
            T::SourceFile => ("article conservé", "article kept as"),
            T::General => ("Partout", "Everywhere"),
            T::Match => ("résultat", "match"),
            T::FewReviews => (
                "Moins de deux points d'étape chiffrés : pas d'évolution à tracer.",
                "Fewer than two reviews with counts: no trend to chart.",
            ),
            T::FileInvalid => (
                "fichier invalide : dernière version valide affichée",
                "invalid file: showing the last valid version",
            ),
            T::FileRemoved => (
                "fichier supprimé — dernière version lue affichée",
                "file removed — showing the last version read",
            ),
            T::FileReturns => ("rechargé dès qu'il revient", "reloads when it comes back"),
            T::NotWatched => (
                "les modifications du fichier ne sont plus suivies",
                "changes to the file are no longer followed",
            ),
            T::OneMoreProblem => (
                "1 autre problème (roadmap check les liste)",
                "1 more problem (roadmap check lists them)",
            ),
            T::MoreProblems => (
                "autres problèmes (roadmap check les liste)",
                "more problems (roadmap check lists them)",
            ),
            T::KeyMove => ("monter / descendre", "move up / down"),
            T::KeyPage => ("page précédente / suivante", "page up / down"),
            T::KeyHalfPage => ("demi-page", "half page"),
            T::KeyEnds => ("premier / dernier", "first / last"),
            T::KeyExpand => ("déplier", "expand"),
            T::KeyCollapse => ("replier / aller au parent", "collapse / go to parent"),
            T::KeyActivate => ("déplier ou replier", "expand or collapse"),
            T::KeyBack => ("fermer / annuler", "close / cancel"),
            T::KeyNextPane => ("volet suivant", "next pane"),
            T::KeyPrevPane => ("volet précédent", "previous pane"),
            T::KeyShowPane => (
                "plan / frise / détail / tableau de bord",
                "outline / timeline / detail / dashboard",
            ),
            T::KeySearch => ("chercher", "search"),
            T::KeyNextMatch => ("résultat suivant", "next match"),
            T::KeyPrevMatch => ("résultat précédent", "previous match"),
            T::KeyFilter => ("filtres", "filters"),
            T::KeyClearFilter => ("effacer filtres et recherche", "clear filters and search"),
            T::KeyZoom => ("zoom avant / arrière", "zoom in / out"),
            T::KeyScroll => ("faire défiler", "scroll"),
            T::InHelp => ("Dans l'aide", "In this help"),
            T::KeyPan => ("déplacer la frise", "pan the timeline"),
            T::KeyToday => ("aller à aujourd'hui", "jump to today"),
            T::KeyRoadmap => (
                "feuille de route précédente / suivante",
                "previous / next roadmap",
            ),
            T::KeyHelp => ("aide", "help"),
            T::KeyQuit => ("quitter", "quit"),
            T::KeyToggle => ("cocher / décocher", "toggle"),
            T::KeyMouse => (
                "clic : sélectionner · molette : défiler (Ctrl : zoom)",
                "click: select · wheel: scroll (Ctrl: zoom)",
            ),
            T::ServeTitle => ("Feuille de route en direct", "Live roadmap"),
            T::ServeListening => ("Feuille de route servie sur", "Roadmap served at"),
            T::ServeStop => ("Ctrl-C pour arrêter", "Ctrl-C to stop"),
            T::ServeUpdated => ("mise à jour publiée", "update published"),
            T::ServeRefused => ("version refusée", "version refused"),
            T::ServeKept => (
                "la dernière version valide reste servie",
                "the last valid version is still served",
            ),
            T::ServeBundled => (
                "feuille de route intégrée au programme : elle ne changera pas",
                "roadmap built into the program: it will not change",
            ),
            T::ServeNoWidget => (
                "widget introuvable : lancez ./scripts/build-widget (ou indiquez --widget DOSSIER) ; seuls le JSON et les événements sont servis",
                "widget not found: run ./scripts/build-widget (or give --widget DIR); only the JSON and the events are served",
            ),
            T::ServeNoWidgetPage => (
                "Le widget n’est pas construit : lancez ./scripts/build-widget puis relancez roadmap serve.",
                "The widget is not built: run ./scripts/build-widget, then start roadmap serve again.",
            ),
            T::ServeJsonAt => ("La feuille de route en JSON", "The roadmap as JSON"),
            T::ServeEventsAt => (
                "Ses mises à jour (Server-Sent Events)",
                "Its updates (Server-Sent Events)",
            ),
        };
        match lang {
            Language::Fr => fr,
            Language::En => en,
        }
    }
}

/// "T1 2020 → 2021", "→ fin 2023" (no start), "janvier 2023 →" (no end).
pub fn date_range(start: Option<FuzzyDate>, end: Option<FuzzyDate>, lang: Language) -> String {
    let show = |d: Option<FuzzyDate>| d.map(|d| d.render(lang));
    match (show(start), show(end)) {
        (Some(start), Some(end)) => format!("{start} → {end}"),
        (Some(start), None) => format!("{start} →"),
        (None, Some(end)) => format!("→ {end}"),
        (None, None) => String::new(),
    }
}
