//! Styles, with and without colour (`NO_COLOR`): without colour, meaning is
//! carried by bold, dim, reversed and the text itself.

use cleocps_core::request::State;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }
    pub fn focus_border(self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn disabled(self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }
    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn label(self) -> Style {
        self.fg(Color::Gray)
    }
    pub fn input(self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }
    pub fn state(self, s: State) -> Style {
        self.fg(match s {
            State::New => Color::Gray,
            State::KeysGenerated => Color::Yellow,
            State::RequestGenerated => Color::Cyan,
            State::Sent => Color::Blue,
            State::CertificateImported => Color::Green,
            State::Rejected => Color::Red,
        })
    }
}
