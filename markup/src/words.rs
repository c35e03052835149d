//! The widget's own words in French and English, in one table. Words the
//! terminal explorer also says (status names, "avancement", "sources"…)
//! come from `roadmap_core` (`Status::label`, `Language::phrase`) instead.

use roadmap_core::Language;

/// A word or phrase only the web widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Word {
    /// Name of the timeline view.
    Timeline,
    /// Name of the list view.
    List,
    /// Label of the view switch.
    ViewSwitch,
    /// Zoom in button.
    ZoomIn,
    /// Zoom out button.
    ZoomOut,
    /// Label of the zoom controls.
    ZoomGroup,
    /// Zoom preset: one tick per year.
    Years,
    /// Zoom preset: one tick per quarter.
    Quarters,
    /// Zoom preset: one tick per month.
    Months,
    /// Show the whole roadmap.
    Fit,
    /// Pan towards the past.
    Earlier,
    /// Pan towards the future.
    Later,
    /// Centre on today; also the today line.
    Today,
    /// Label of the pan controls.
    PanGroup,
    /// Before the shown period.
    ShownPeriod,
    /// Close the detail panel.
    Close,
    /// Name of the detail panel.
    Detail,
    /// Kind of item: axis.
    Axis,
    /// Kind of item: mission.
    Mission,
    /// Kind of item: milestone.
    Milestone,
    /// Heading for an item's dates.
    Dates,
    /// Heading for an item's status.
    Status,
    /// Heading for an item's milestones.
    Milestones,
    /// Heading for an item's missions.
    Missions,
    /// Heading for tags.
    Tags,
    /// Heading for notes.
    Note,
    /// A link to an item inside the page.
    LinkToItem,
    /// Said of links that open a new window.
    NewWindow,
    /// While the roadmap loads.
    Loading,
    /// Title of the error box.
    LoadFailed,
    /// The network did not answer.
    NetworkError,
    /// The server answered with an error status.
    HttpError,
    /// Neither `src` nor `data` was given.
    NoSource,
    /// The JSON did not load.
    InvalidJson,
    /// The TOML did not load.
    InvalidToml,
    /// The lean reader refused a JSON file, the full loader unreachable.
    NotAnExport,
    /// Before the command that explains why a file was refused.
    ForTheDetails,
    /// After the number of further errors: one or none.
    MoreErrors,
    /// After the number of further errors: more than one.
    MoreErrorsPlural,
    /// Heading of the legend.
    Legend,
    /// The keyboard help line.
    KeyboardHelp,
    /// Items the timeline cannot place: one or none.
    Undated,
    /// Items the timeline cannot place: more than one.
    UndatedPlural,
    /// Name of the timeline region for assistive technologies.
    TimelineOf,
    /// Legend: a milestone dated to the day.
    DayMilestone,
    /// Legend: a milestone dated to a month, quarter, semester or year.
    SpanMilestone,
    /// Legend: a mission's bar and its progress.
    MissionBar,
    /// From … to … between two dates.
    To,
    /// `live`: a newer version of the roadmap is shown.
    LiveUpdated,
    /// `live`: a newer version was refused, the shown one stays.
    LiveRefused,
    /// Said of a dependency whose other item lies outside the period shown.
    OutsidePeriod,
    /// Legend: the dashed outline of a milestone's original plan.
    OriginalPlan,
    /// Legend: a dependency arrow, from the item that comes first.
    DependencyArrow,
    /// Legend: a late dependency's dashed arrow.
    LateDependency,
    /// Heading of the average slips.
    PlannedVsActual,
    /// Heading of a mission's health.
    Health,
    /// Before the history of a mission's health.
    HealthHistory,
    /// Said of an item changed since the compared edition (`since`).
    ChangedSince,
    /// Heading of an item's changes since the compared edition.
    Changed,
    /// The compared edition (`since`) could not be read.
    CompareFailed,
    /// After the number of milestones drawn as one mark.
    CrowdedMilestones,
    /// What a mark of crowded milestones does.
    ZoomOnCrowd,
    /// Legend: a mark of crowded milestones.
    CrowdKey,
}

impl Word {
    /// The word in `lang`.
    #[allow(clippy::too_many_lines)] // one flat table reads better than split ones
    pub fn text(self, lang: Language) -> &'static str {
        let (fr, en) = match self {
            Word::Timeline => ("Frise", "Timeline"),
            Word::List => ("Liste", "List"),
            Word::ViewSwitch => ("Affichage", "View"),
            Word::ZoomIn => ("Zoomer", "Zoom in"),
            Word::ZoomOut => ("Dézoomer", "Zoom out"),
            Word::ZoomGroup => ("Échelle", "Scale"),
            Word::Years => ("Années", "Years"),
            Word::Quarters => ("Trimestres", "Quarters"),
            Word::Months => ("Mois", "Months"),
            Word::Fit => ("Tout", "All"),
            Word::Earlier => ("Plus tôt", "Earlier"),
            Word::Later => ("Plus tard", "Later"),
            Word::Today => ("Aujourd’hui", "Today"),
            Word::PanGroup => ("Déplacement", "Move"),
            Word::ShownPeriod => ("Période affichée", "Period shown"),
            Word::Close => ("Fermer", "Close"),
            Word::Detail => ("Détail", "Detail"),
            Word::Axis => ("Axe", "Axis"),
            Word::Mission => ("Mission", "Mission"),
            Word::Milestone => ("Jalon", "Milestone"),
            Word::Dates => ("Dates", "Dates"),
            Word::Status => ("Statut", "Status"),
            Word::Milestones => ("Jalons", "Milestones"),
            Word::Missions => ("Missions", "Missions"),
            Word::Tags => ("Thèmes", "Tags"),
            Word::Note => ("Note", "Note"),
            Word::LinkToItem => ("Lien vers cet élément", "Link to this item"),
            Word::NewWindow => ("nouvelle fenêtre", "new window"),
            Word::Loading => ("Chargement de la feuille de route…", "Loading the roadmap…"),
            Word::LoadFailed => (
                "La feuille de route n’a pas pu être affichée",
                "The roadmap could not be shown",
            ),
            Word::NetworkError => ("Erreur réseau", "Network error"),
            Word::HttpError => ("Erreur HTTP", "HTTP error"),
            Word::NoSource => (
                "Aucune source : indiquez l’attribut src ou l’option data",
                "No source: set the src attribute or the data option",
            ),
            Word::InvalidJson => ("JSON invalide", "Invalid JSON"),
            Word::InvalidToml => ("TOML invalide", "Invalid TOML"),
            Word::NotAnExport => (
                "Ce JSON n’est pas un export de feuille de route valide",
                "This JSON is not a valid roadmap export",
            ),
            Word::ForTheDetails => ("Pour le détail", "For the details"),
            Word::MoreErrors => ("autre erreur", "more error"),
            Word::MoreErrorsPlural => ("autres erreurs", "more errors"),
            Word::Legend => ("Légende", "Legend"),
            Word::KeyboardHelp => (
                "Clavier : + et − pour l’échelle, ← et → pour se déplacer, Entrée pour ouvrir, Échap pour fermer.",
                "Keyboard: + and − to zoom, ← and → to move, Enter to open, Escape to close.",
            ),
            Word::Undated => (
                "élément sans date, absent de la frise : voir la liste",
                "undated item, not on the timeline: see the list",
            ),
            Word::UndatedPlural => (
                "éléments sans date, absents de la frise : voir la liste",
                "undated items, not on the timeline: see the list",
            ),
            Word::TimelineOf => ("Frise chronologique", "Timeline"),
            Word::DayMilestone => ("jalon daté au jour", "milestone dated to the day"),
            Word::SpanMilestone => (
                "jalon daté au mois, trimestre, semestre ou à l’année",
                "milestone dated to a month, quarter, semester or year",
            ),
            Word::MissionBar => ("mission et son avancement", "mission and its progress"),
            Word::To => ("au", "to"),
            Word::LiveUpdated => ("Feuille de route mise à jour", "Roadmap updated"),
            Word::LiveRefused => (
                "Modification refusée, la version précédente reste affichée",
                "Change refused, the previous version is still shown",
            ),
            Word::OutsidePeriod => ("hors de la période affichée", "outside the period shown"),
            Word::OriginalPlan => (
                "date prévue à l’origine (pointillés)",
                "originally planned date (dashed)",
            ),
            Word::DependencyArrow => (
                "dépendance de l’élément ouvert",
                "dependency of the open item",
            ),
            Word::LateDependency => (
                "dépendance en retard (tirets, ⚠)",
                "late dependency (dashed, ⚠)",
            ),
            Word::PlannedVsActual => ("Prévu et réalisé", "Planned vs actual"),
            Word::Health => ("Météo", "Health"),
            Word::HealthHistory => ("historique", "history"),
            Word::ChangedSince => (
                "modifié depuis l’édition comparée",
                "changed since the compared edition",
            ),
            Word::Changed => ("Modifié", "Changed"),
            Word::CompareFailed => (
                "Comparaison impossible avec l’édition demandée",
                "Could not compare with the edition asked for",
            ),
            Word::CrowdedMilestones => ("jalons rapprochés", "milestones close together"),
            Word::ZoomOnCrowd => ("zoomer pour les voir un à un", "zoom in to see each one"),
            Word::CrowdKey => (
                "jalons rapprochés, à ouvrir d’un clic ou avec Entrée",
                "milestones close together, opened by a click or Enter",
            ),
        };
        match lang {
            Language::Fr => fr,
            Language::En => en,
        }
    }
}

/// The words of the slides view only: a table of their own, so that the
/// widget's module, which never shows slides, does not carry them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlidesWord {
    /// Name of the slides view.
    Slides,
    /// "Slide" in "Slide 3 of 7".
    Slide,
    /// "of" in "Slide 3 of 7".
    SlideOf,
    /// Show the slides on the whole screen.
    FullScreen,
    /// Go to the previous slide.
    PreviousSlide,
    /// Go to the next slide.
    NextSlide,
    /// The slides' keyboard help line.
    SlidesKeys,
    /// Auto-advance is on: before the time left on the slide.
    AutoAdvance,
    /// Auto-advance is held, and how to take it up again.
    AutoPaused,
    /// How to pause auto-advance.
    PauseKey,
    /// "elapsed" after the time since the slides opened.
    Elapsed,
}

impl SlidesWord {
    /// The word in `lang`.
    pub fn text(self, lang: Language) -> &'static str {
        let (fr, en) = match self {
            SlidesWord::Slides => ("Diaporama", "Slides"),
            SlidesWord::Slide => ("Diapositive", "Slide"),
            SlidesWord::SlideOf => ("sur", "of"),
            SlidesWord::FullScreen => ("Plein écran", "Full screen"),
            SlidesWord::PreviousSlide => ("Diapositive précédente", "Previous slide"),
            SlidesWord::NextSlide => ("Diapositive suivante", "Next slide"),
            SlidesWord::SlidesKeys => (
                "→ ← Espace : diapositives · chiffres puis Entrée : aller à · b : écran noir · c : horloge",
                "→ ← Space: slides · digits then Enter: go to · b: blank screen · c: clock",
            ),
            SlidesWord::AutoAdvance => ("Défilement automatique", "Auto-advance"),
            SlidesWord::AutoPaused => (
                "Défilement automatique en pause · p : reprendre",
                "Auto-advance paused · p: resume",
            ),
            SlidesWord::PauseKey => ("p : pause", "p: pause"),
            SlidesWord::Elapsed => ("écoulé", "elapsed"),
        };
        match lang {
            Language::Fr => fr,
            Language::En => en,
        }
    }
}
