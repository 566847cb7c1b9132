//! The models behind the three weight-elicitation dialogs: what the user
//! has entered, the weights it gives, and the profile Apply writes. The
//! window (app/elicit_*.rs) only draws them.

pub mod ahp;
pub mod rank;
pub mod swing;
