import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { REGIONS, regionOf } from '../config/countries';
import { useCountry } from '../country/country-context';
import { WorldMapGraphic } from './world-map-graphic';

/**
 * The current country beside a tiny world map; the map opens a picker where the visitor points
 * at the orange marker over a region and then picks a country in it (as the help page describes).
 */
export function CountryPicker({
  variant = 'header',
  describedBy,
}: {
  /** `field`: inside a form (registration), labelled as the form's country field. */
  variant?: 'header' | 'field';
  describedBy?: string;
} = {}) {
  const { country, chooseCountry } = useCountry();
  const [open, setOpen] = useState(false);
  const [regionId, setRegionId] = useState(() => regionOf(country).id);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();
  const region = REGIONS.find((candidate) => candidate.id === regionId) ?? REGIONS[0];

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLButtonElement>('[aria-current="true"]')?.focus();
    const closeOnOutsideClick = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !triggerRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  const toggle = () => {
    if (!open) setRegionId(regionOf(country).id);
    setOpen(!open);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close(true);
  };
  const pick = (code: string) => {
    chooseCountry(code);
    close(true);
  };

  return (
    <div className={`country-picker country-picker--${variant}`} onKeyDown={onKeyDown}>
      <button
        ref={triggerRef}
        type="button"
        className="country-picker__trigger"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-describedby={describedBy}
        onClick={toggle}
      >
        <WorldMapGraphic className="world-map world-map--icon" />
        {/* The name is the visible text plus hidden words around it, so the visible country
            is part of it (speech control users say what they see). */}
        <span className="visually-hidden">
          {variant === 'field' ? 'Country: ' : 'Change country, current: '}
        </span>
        <span className="country-picker__current">{country.name}</span>
        {variant === 'field' && <span className="visually-hidden"> (change)</span>}
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="country-picker__panel"
          role="dialog"
          aria-labelledby={headingId}
        >
          <h2 id={headingId} className="country-picker__title">
            Choose your country
          </h2>
          <p className="country-picker__hint">
            Point to the orange marker over your region, then select your country.
          </p>
          <div className="country-picker__map">
            <WorldMapGraphic className="world-map world-map--large" />
            {REGIONS.map((candidate) => (
              <button
                key={candidate.id}
                type="button"
                className="country-picker__marker"
                style={{ left: `${candidate.marker.x}%`, top: `${candidate.marker.y}%` }}
                aria-pressed={candidate.id === region.id}
                onMouseEnter={() => setRegionId(candidate.id)}
                onFocus={() => setRegionId(candidate.id)}
                onClick={() => setRegionId(candidate.id)}
              >
                <span className="visually-hidden">{candidate.name}</span>
              </button>
            ))}
          </div>
          <h3 className="country-picker__region">{region.name}</h3>
          <ul className="country-picker__countries" aria-label={`Countries in ${region.name}`}>
            {region.countries.map((candidate) => (
              <li key={candidate.code}>
                <button
                  type="button"
                  aria-current={candidate.code === country.code ? 'true' : undefined}
                  onClick={() => pick(candidate.code)}
                >
                  {candidate.name}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="link-button country-picker__close"
            onClick={() => close(true)}
          >
            Close
          </button>
        </div>
      )}
    </div>
  );
}
