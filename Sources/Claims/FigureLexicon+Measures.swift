/// Units of measure written glued to their number ("12kg", "300m long").
extension FigureLexicon {
    /// Units of measure that can follow digits with no space. The number is what the figure
    /// holds; the unit is neither money nor a scale, and a rate among them ("70mph") is kept
    /// as the figure's unit through `rateUnits`. "m" is not here: it is millions unless
    /// `metreContext` says otherwise.
    static let gluedMeasures: Set<String> = [
        "mm", "cm", "km", "mi", "ft", "yd", "yds", "nm", "mg", "g", "kg", "t", "lb", "lbs", "oz",
        "ml", "cl", "l", "ha", "kw", "mw", "gw", "kwh", "mwh", "gwh", "kv", "hz", "khz", "mhz", "ghz",
        "kb", "gb", "tb", "sqm", "sqft", "km2", "m2", "m3",
    ]
    /// Words after "300m" that make it a distance: a dimension ("long", "high"), a race
    /// ("the 100m sprint") or something with a length ("a 300m wall"). Money is never said
    /// to be long or high, and is never a wall; a currency sign or word before the number
    /// keeps it millions whatever follows.
    static let metreContext: Set<String> = [
        "long", "high", "tall", "wide", "deep", "thick", "away", "across", "below", "above", "underground",
        "underwater", "offshore", "upstream", "downstream", "inland", "apart", "length", "height", "depth",
        "radius", "altitude", "elevation", "sprint", "race", "hurdles", "freestyle", "relay", "dash",
        "breaststroke", "backstroke", "butterfly", "medley", "swim", "wall", "walls", "bridge", "tower",
        "tunnel", "fence", "cliff", "cliffs", "drop", "dam", "runway", "pipeline", "cable", "spire", "mast",
        "wave", "waves", "plunge", "stretch", "section", "strip", "corridor", "buffer", "cordon",
    ]

    static let gluedMeasureValues = LowerTable(Dictionary(uniqueKeysWithValues: gluedMeasures.map { ($0, true) }))
    static let metreContextValues = LowerTable(Dictionary(uniqueKeysWithValues: metreContext.map { ($0, true) }))
}
