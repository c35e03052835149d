//! The real roadmaps shipped inside the binary, so that `roadmap` runs with
//! no argument.

/// A roadmap file embedded at build time.
pub struct BundledRoadmap {
    /// File name, as shown in messages.
    pub file: &'static str,
    /// The TOML text.
    pub text: &'static str,
}

/// The DINUM roadmap of March 2023, first: it opens by default.
pub const DINUM_2023: BundledRoadmap = BundledRoadmap {
    file: "dinum-2023.toml",
    text: include_str!("../../../data/dinum-2023.toml"),
};

/// The Tech.gouv programme, 2019–2021.
pub const TECH_GOUV: BundledRoadmap = BundledRoadmap {
    file: "tech-gouv-2019-2021.toml",
    text: include_str!("../../../data/tech-gouv-2019-2021.toml"),
};

/// Every bundled roadmap, in the order they are offered.
pub static ALL: [BundledRoadmap; 2] = [DINUM_2023, TECH_GOUV];

/// The bundled roadmap whose file name, with or without `.toml`, is `name`.
pub fn find(name: &str) -> Option<&'static BundledRoadmap> {
    ALL.iter()
        .find(|b| b.file == name || b.file.strip_suffix(".toml") == Some(name))
}
