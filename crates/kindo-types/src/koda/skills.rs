//! The skill catalogue, the same one the `/skill` command reads.

undocumented_object! {
    /// A registered skill: its metadata, its frontmatter and its body. The list may carry only
    /// the metadata; the detail route returns all three.
    Skill
}

page! {
    /// Every registered skill.
    SkillPage of Skill
}

/// Path of `GET /skills/{skill_id}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SkillPath {
    /// The skill's id, as listed by `GET /skills`.
    pub skill_id: String,
}
