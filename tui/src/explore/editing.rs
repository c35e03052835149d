//! Updating progress from the explorer: the status picker, the progress
//! and review inputs, undo and reload, as parts of the pure `update`. An
//! edit is applied to the tab's text by `roadmap_core::edit` and checked
//! there; writing it is an [`Effect`] the event loop performs, and
//! [`App::written`] and [`App::reloaded`] take the outcome back.

use roadmap_core::{
    Edit, EditError, Format, ItemRef, NewReview, Progress, ReviewSyntax, Status, load,
};

use crate::explore::state::{App, Effect, Field, Mode, Msg, Notice, PendingWrite, WriteKind};
use crate::files::loading::{ReadError, SourceFile};
use crate::files::save::{SaveError, Saved};
use crate::text::Text;

impl App {
    /// The editing messages; see [`App::update`].
    pub(crate) fn edit(&mut self, msg: &Msg) {
        match msg {
            Msg::PickStatus | Msg::TypeProgress | Msg::TypeReview | Msg::Undo | Msg::Reload
                if self.tab().source.is_none() =>
            {
                let text = format!("{}: {}", self.tab().file, Text::ReadOnly.get(self.lang));
                self.refuse(text);
            }
            // Said before anything is typed, rather than after.
            Msg::PickStatus | Msg::TypeProgress | Msg::TypeReview
                if self.tab().source.as_ref().map(SourceFile::format) == Some(Format::Json) =>
            {
                let text = format!("{}: {}", self.tab().file, Text::JsonReadOnly.get(self.lang));
                self.refuse(text);
            }
            Msg::PickStatus => {
                let stated = match self.selected_item() {
                    Some((ItemRef::Mission(_, m), _)) => Some(m.status),
                    Some((ItemRef::Milestone(_, _, m), _)) => Some(m.status),
                    _ => None,
                };
                let Some(stated) = stated else {
                    self.refuse(Text::NoStatusHere.get(self.lang).to_owned());
                    return;
                };
                self.status_cursor = stated
                    .and_then(|s| Status::ALL.iter().position(|x| *x == s))
                    .unwrap_or(0);
                self.mode = Mode::PickStatus;
            }
            Msg::TypeProgress => self.start_input(Field::Progress),
            Msg::TypeReview => self.start_input(Field::Review),
            Msg::Input(c) => {
                self.input.push(*c);
                self.input_error = None;
            }
            Msg::InputBackspace => {
                self.input.pop();
                self.input_error = None;
            }
            Msg::Confirm => self.confirm(),
            Msg::Undo => self.undo(),
            Msg::Reload => {
                self.effect = Some(Effect::Reload { tab: self.active });
            }
            _ => {}
        }
    }

    fn refuse(&mut self, text: String) {
        self.notice = Some(Notice { text, error: true });
    }

    /// The selected axis, mission or milestone and its id.
    fn selected_item(&self) -> Option<(ItemRef<'_>, String)> {
        let item = self.tab().roadmap.get(self.tab().selected_key()?)?;
        let id = match item {
            ItemRef::Axis(a) => &a.id,
            ItemRef::Mission(_, m) => &m.id,
            ItemRef::Milestone(_, _, m) => &m.id,
            ItemRef::Indicator(..) | ItemRef::Review(_) => return None,
        };
        Some((item, id.clone()))
    }

    fn start_input(&mut self, field: Field) {
        self.input.clear();
        self.input_error = None;
        if field == Field::Progress {
            let Some((item, _)) = self.selected_item() else {
                return;
            };
            let progress = match item {
                ItemRef::Axis(a) => a.progress,
                ItemRef::Mission(_, m) => m.progress,
                ItemRef::Milestone(_, _, m) => m.progress,
                _ => None,
            };
            if let Some(progress) = progress {
                self.input = progress.percent().to_string();
            }
        }
        self.mode = Mode::Type(field);
    }

    /// Applies the status picked or the value typed, if it is valid.
    fn confirm(&mut self) {
        let lang = self.lang;
        let edit = match self.mode {
            Mode::PickStatus => self.selected_item().map(|(_, id)| Edit::SetStatus {
                id,
                status: Status::ALL[self.status_cursor.min(Status::ALL.len() - 1)],
            }),
            Mode::Type(Field::Progress) => {
                let typed = self.input.trim().replace(',', ".");
                let Some(progress) = typed.parse::<f64>().ok().and_then(Progress::new) else {
                    self.input_error = Some(Text::ProgressRange.get(lang).to_owned());
                    return;
                };
                self.selected_item()
                    .map(|(_, id)| Edit::SetProgress { id, progress })
            }
            Mode::Type(Field::Review) => match self.input.parse::<NewReview>() {
                Ok(review) => Some(Edit::AddReview(review)),
                Err(err) => {
                    let hint = match err {
                        ReviewSyntax::NoColon => String::new(),
                        ReviewSyntax::Date(text) => {
                            format!("`{text}`{}{} — ", lang.colon(), Text::NotADate.get(lang))
                        }
                        ReviewSyntax::Counts(text) => {
                            format!("`{text}`{}{} — ", lang.colon(), Text::NotCounts.get(lang))
                        }
                    };
                    self.input_error = Some(format!("{hint}{}", Text::ReviewForm.get(lang)));
                    return;
                }
            },
            _ => None,
        };
        self.mode = Mode::Browse;
        if let Some(edit) = edit {
            self.change(&edit);
        }
    }

    /// Applies `edit` to the tab's text and asks for the result to be saved.
    fn change(&mut self, edit: &Edit) {
        let tab = self.tab();
        let Some(source) = &tab.source else { return };
        match roadmap_core::edit::apply(&tab.file, &source.text, source.format(), edit) {
            Ok(edited) if edited.text == source.text => {
                let text = Text::Unchanged.get(self.lang).to_owned();
                self.notice = Some(Notice { text, error: false });
            }
            Ok(edited) => {
                self.effect = Some(Effect::Write(PendingWrite {
                    tab: self.active,
                    kind: WriteKind::Change {
                        previous: source.text.clone(),
                    },
                    text: edited.text,
                    roadmap: Box::new(edited.loaded.roadmap),
                }));
            }
            Err(err) => {
                let text = match err {
                    EditError::Json { .. } | EditError::NotFound { .. } => err.to_string(),
                    EditError::Invalid(load) => format!(
                        "{}{}{}",
                        Text::EditInvalid.get(self.lang),
                        self.lang.colon(),
                        load.errors()
                            .next()
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    ),
                };
                self.refuse(text);
            }
        }
    }

    fn undo(&mut self) {
        let tab = self.tab();
        let Some(previous) = tab.undo.last() else {
            self.refuse(Text::NothingToUndo.get(self.lang).to_owned());
            return;
        };
        let format = tab.source.as_ref().map(SourceFile::format);
        // The text loaded when it was on disk; it loads again.
        match format.map(|f| load(&tab.file, previous.as_bytes(), f)) {
            Some(Ok(loaded)) => {
                self.effect = Some(Effect::Write(PendingWrite {
                    tab: self.active,
                    text: previous.clone(),
                    roadmap: Box::new(loaded.roadmap),
                    kind: WriteKind::Undo,
                }));
            }
            Some(Err(err)) => self.refuse(err.to_string()),
            None => {}
        }
    }

    /// Takes the outcome of [`Effect::Write`]: the tab shows what its file
    /// now holds, and the status line says what happened.
    pub fn written(&mut self, write: PendingWrite, result: Result<Saved, SaveError>) {
        let PendingWrite {
            tab,
            text,
            roadmap,
            kind,
        } = write;
        let (lang, today) = (self.lang, self.today);
        let Some(tab) = self.tabs.get_mut(tab) else {
            return;
        };
        let name = tab.file.clone();
        let on_disk = tab.source.as_ref().is_some_and(|s| s.text == text);
        let done = if on_disk {
            tab.replace_roadmap(*roadmap, today);
            match kind {
                WriteKind::Change { previous } => {
                    tab.undo.push(previous);
                    Text::Saved
                }
                WriteKind::Undo => {
                    tab.undo.pop();
                    Text::Undone
                }
            }
        } else {
            Text::NotSaved
        };
        self.notice = Some(match result {
            Ok(Saved { other_links: 0 }) => Notice {
                text: format!("{} {name}", done.get(lang)),
                error: false,
            },
            Ok(Saved { .. }) => Notice {
                text: format!(
                    "{} {name} — {}",
                    done.get(lang),
                    Text::LinksKeepOld.get(lang)
                ),
                error: false,
            },
            Err(SaveError::Changed) => Notice {
                text: format!("{name}: {}", Text::ChangedOnDisk.get(lang)),
                error: true,
            },
            Err(SaveError::ReadOnly) => Notice {
                text: format!("{name}: {}", Text::FileReadOnly.get(lang)),
                error: true,
            },
            Err(err) => Notice {
                text: format!("{} {name} — {err}", done.get(lang)),
                error: true,
            },
        });
    }

    /// Takes the outcome of [`Effect::Reload`]: the file's bytes, or why
    /// they could not be read.
    pub fn reloaded(&mut self, tab: usize, read: Result<Vec<u8>, ReadError>) {
        let (lang, today) = (self.lang, self.today);
        let Some(tab) = self.tabs.get_mut(tab) else {
            return;
        };
        let Some(source) = &mut tab.source else {
            return;
        };
        let name = tab.file.clone();
        let bytes = match read {
            Ok(bytes) if source.holds(&bytes) => {
                let text = format!("{name}: {}", Text::Unchanged.get(lang));
                self.notice = Some(Notice { text, error: false });
                return;
            }
            Ok(bytes) => bytes,
            Err(err) => {
                self.refuse(err.to_string());
                return;
            }
        };
        match load(&name, &bytes, source.format()) {
            Ok(loaded) => {
                source.text = String::from_utf8_lossy(&bytes).into_owned();
                tab.replace_roadmap(loaded.roadmap, today);
                // Undoing now would overwrite the change just read.
                tab.undo.clear();
                let text = format!("{} {name}", Text::Reloaded.get(lang));
                self.notice = Some(Notice { text, error: false });
            }
            Err(err) => self.refuse(format!(
                "{}{}{}",
                Text::NotReloaded.get(lang),
                lang.colon(),
                err.errors()
                    .next()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            )),
        }
    }
}
